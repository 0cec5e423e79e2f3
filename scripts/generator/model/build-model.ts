/** The model of a bundled document: what the emitters read (see api-model.ts). */
import { isObject, type Json } from '../json.js';
import type { ApiModel } from './api-model.js';
import { collectErrorCodes, collectErrorFields } from './error-codes.js';
import { collectOperations } from './operations.js';
import { createResolver } from './resolve.js';
import { collectSecuritySchemes } from './security.js';
import { collectServers } from './servers.js';
import { text } from './values.js';

export function buildModel(document: Json): ApiModel {
  const info = isObject(document.info) ? document.info : {};
  const components = isObject(document.components) ? document.components : {};
  const resolve = createResolver(document);
  const { operations, warnings } = collectOperations(document);
  return {
    title: text(info.title) ?? 'API',
    version: text(info.version) ?? '0.0.0',
    servers: collectServers(document.servers),
    securitySchemes: collectSecuritySchemes(resolve, components.securitySchemes),
    operations,
    errorCodes: collectErrorCodes(document),
    errorFields: collectErrorFields(document),
    warnings,
  };
}
