// The `conventions` Redocly plugin: the house rules for OUR spec (spec/) that no built-in or
// configurable rule can express, enabled in redocly.yaml and run by `npm run lint`. Each rule is a
// file in rules/ (listed in rules/index.js); this file only assembles the plugin.
//
// Not to be confused with the generator's own checks (scripts/generator/validate/), which hold
// EVERY description the generator reads, ours or not, to what it needs in order to generate.
//
// Redocly 2.x imports this file with a dynamic import() (the repo is "type": "module", so it is
// ESM) and calls the default export (a factory). Exporting the plugin object itself still loads,
// but 2.x then prints a "Deprecated plugin format detected" notice on every lint run. The rules are
// plain JavaScript modules for the same reason: Redocly cannot import TypeScript.
//
// Every rule here is generic: anything that names a particular API lives in redocly.yaml as an
// option. A rule must never throw: Redocly drops every finding for the whole document when one
// rule does, so malformed input is reported, not assumed away (see nodes.js).

import { rules } from './rules/index.js';

export default function conventionsPlugin() {
  return {
    id: 'conventions',
    rules: {
      // Registered for OpenAPI 3.x only: Swagger 2 has no components.securitySchemes, and the
      // project does not lint 2.0 documents.
      oas3: rules,
    },
  };
}
