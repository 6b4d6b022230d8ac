/**
 * GitHub's published OpenAPI description (@octokit/openapi, api.github.com) as a checker for the
 * fake tracker: each response the fake sends for an operation must match the operation's response
 * schema, and each request body the clients send must match its request body schema. Loaded once
 * (13 MB of JSON); ajv compiles only the schemas the operations used reference.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';

type Spec = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> }; responses: Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }> }>> };

let spec: Spec | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ReturnType<Ajv['compile']>>();

function load(): { spec: Spec; ajv: Ajv } {
  if (!spec || !ajv) {
    const file = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
    spec = JSON.parse(fs.readFileSync(file, 'utf8')) as Spec;
    toJsonSchema(spec);
    // OpenAPI 3.0 schemas: `nullable`, `example`, `x-github` and friends are not JSON Schema keywords
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
    addFormats(ajv);
    for (const f of ['int32', 'int64', 'repo.nwo', 'ssh-key', 'ssh-key fingerprint', 'binary']) ajv.addFormat(f, true);
    ajv.addSchema(spec as object, 'github.json');
  }
  return { spec, ajv };
}

/** OpenAPI 3.0 `nullable: true` → JSON Schema (a `null` type, or anyOf with null where there is no type). In place. */
function toJsonSchema(node: unknown): void {
  if (Array.isArray(node)) { for (const n of node) toJsonSchema(n); return; }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  for (const v of Object.values(o)) toJsonSchema(v);
  if (o.nullable === true) {
    delete o.nullable;
    if (typeof o.type === 'string') {
      o.type = [o.type, 'null'];
      if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    } else {
      const rest = { ...o };
      for (const k of Object.keys(o)) delete o[k];
      o.anyOf = [rest, { type: 'null' }];
    }
  }
}

function pointer(p: string): string { return p.replace(/~/g, '~0').replace(/\//g, '~1'); }

function validator(key: string, ref: string) {
  let v = compiled.get(key);
  if (!v) { v = load().ajv.compile({ $ref: `github.json#${ref}` }); compiled.set(key, v); }
  return v;
}

/** Errors of a response body against the operation's schema for that status; [] when it matches. Throws when the operation or status is not in the description. */
export function githubResponseErrors(method: string, template: string, status: number, body: unknown): string[] {
  const op = load().spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`GitHub's OpenAPI description has no ${method} ${template}`);
  const res = op.responses[String(status)];
  if (!res) throw new Error(`GitHub's OpenAPI description has no ${status} response for ${method} ${template}`);
  if (!res.content?.['application/json']) return body === undefined ? [] : [`${method} ${template} ${status} has no JSON body in the description`];
  const v = validator(`${method} ${template} ${status}`, `/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`);
  return v(body) ? [] : (v.errors ?? []).map(e => `${e.instancePath || '(body)'} ${e.message}`);
}

/** Errors of a request body against the operation's request body schema. */
export function githubRequestErrors(method: string, template: string, body: unknown): string[] {
  const op = load().spec.paths[template]?.[method.toLowerCase()];
  if (!op?.requestBody?.content?.['application/json']) throw new Error(`GitHub's OpenAPI description has no JSON request body for ${method} ${template}`);
  const v = validator(`req ${method} ${template}`, `/paths/${pointer(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`);
  return v(body) ? [] : (v.errors ?? []).map(e => `${e.instancePath || '(body)'} ${e.message}`);
}
