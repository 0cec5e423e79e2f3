#!/usr/bin/env node
// The installed `fgs` command: present before the first build, so npm can link it at install time.
import '../dist/fgs.js';
