/**
 * Stage 3: the TypeScript samples of the landing page's Authentication section: the first call
 * again, signed with an access key pair, and one function calling another with the temporary
 * credentials its context hands out. Like the operations' samples, the build writes them out and
 * test/docs/typescript-samples.test.ts type-checks them against the client as built.
 *
 * Both exist only when the operations' descriptors name a signing scheme (`x-signing` in the spec);
 * the second only when the scheme carries a security token (temporary credentials) and an
 * operation runs a function synchronously (the `sync-result` convenience), which is what a
 * function calling a function does.
 */

import { CLIENT, type CredentialVariables, type OperationSigning } from '../read/client-api.js';
import type { CallPlan } from '../plan/call-plan.js';
import { convenienceOf } from './conveniences.js';
import { typescriptSample } from './typescript.js';

/**
 * The methods of FunctionGraph's Node.js function context that give a function with an agency its
 * temporary credentials, and the one that reads its environment variables. Source: Huawei's
 * FunctionGraph developer guide, Node.js, "Developing an Event Function", table "SDK APIs"
 * (functiongraph_02_0410). The runtime provides the object, so the sample declares its type.
 */
export const FUNCTION_CONTEXT = {
  accessKeyId: 'getSecurityAccessKey',
  secretAccessKey: 'getSecuritySecretKey',
  securityToken: 'getSecurityToken',
  userData: 'getUserData',
  /** Where the names come from. */
  source: 'https://support.huaweicloud.com/intl/en-us/devg-functiongraph/functiongraph_02_0410.html',
  sourceZh: 'https://support.huaweicloud.com/devg-functiongraph/functiongraph_02_0410.html',
} as const;

/** The environment variable of the calling function that holds the target's URN in the sample. */
export const TARGET_VARIABLE = 'TARGET_URN';

/** The Authentication section's samples, and the signing scheme they sign with. */
export interface AuthSamples {
  /** The scheme the signed client uses: its name and `x-signing`, as the operation's descriptor has them. */
  readonly signing: OperationSigning;
  /** Whether every operation takes either a token or a signature. */
  readonly everyOperation: boolean;
  /** The first call again, signed. */
  readonly signedClient: string;
  /** One function calling another with its context's temporary credentials, when the spec fits it. */
  readonly functionToFunction?: string;
}

/** The samples for the Authentication section; undefined when no operation can be signed. */
export function authSamples(first: CallPlan, plans: readonly CallPlan[], variables: CredentialVariables): AuthSamples | undefined {
  const signedPlan = first.operation.signing ? first : plans.find((p) => p.operation.signing && !p.deprecation);
  const signing = signedPlan?.operation.signing;
  if (!signedPlan || !signing) return undefined;
  const invoker = plans.find((p) => p.operation.signing?.securityTokenHeader && !p.deprecation && convenienceOf(p)?.kind === 'sync-result');
  const target = invoker && targetInput(invoker);
  return {
    signing,
    everyOperation: plans.every((p) => p.operation.signing !== undefined && Boolean(p.operation.tokenHeaders?.length)),
    signedClient: typescriptSample(signedPlan, { auth: { kind: 'credentials', variables } }),
    functionToFunction: invoker && target ? functionToFunctionSample(invoker, target) : undefined,
  };
}

/** The samples as files under build/landing-samples/ (name without `.ts` → source), for the compile check. */
export function landingSampleFiles(auth: AuthSamples | undefined): Map<string, string> {
  const files = new Map<string, string>();
  if (auth) files.set('signed-client', auth.signedClient);
  if (auth?.functionToFunction) files.set('function-to-function', auth.functionToFunction);
  return files;
}

/**
 * The input that names the function to call: the one path parameter the call itself gives (the
 * client fills the others). Undefined when there is not exactly one; the sample would not fit.
 */
function targetInput(plan: CallPlan): string | undefined {
  const own = plan.parameters.filter((p) => p.in === 'path' && !p.clientDefault);
  return own.length === 1 ? own[0]!.input : undefined;
}

function functionToFunctionSample(plan: CallPlan, target: string): string {
  const c = FUNCTION_CONTEXT;
  return `import { ${CLIENT.factory}, ${CLIENT.credentialsFromContext}, type ${CLIENT.contextType} } from '${CLIENT.packageName}';

// The handler's context. The client declares the part it reads; this function
// also reads its own environment variables with ${c.userData}.
type Context = ${CLIENT.contextType} & { ${c.userData}(key: string): string | undefined };

export async function handler(event: Record<string, unknown>, context: Context) {
  // Signs with the agency's temporary keys, read from the context for every
  // request. No region and no projectId: the call goes to the region and
  // project its URN names.
  const client = ${CLIENT.factory}({ ${CLIENT.credentialsOption}: ${CLIENT.credentialsFromContext}(context) });
  // The URN of the function to call, from this function's environment.
  const ${target} = context.${c.userData}('${TARGET_VARIABLE}');
  if (!${target}) throw new Error('set ${TARGET_VARIABLE} to the URN of the function to call');
  const run = await client.${plan.operation.id}({ ${target}, body: event });
  // The called function's own failure is data, not an exception.
  return run.functionError ? { failed: run.result } : run.json;
}
`;
}
