import { Client } from 'openapi-fetch';

type TokenProvider = () => string | Promise<string>;
type TokenOption = string | TokenProvider;

interface paths {
    "/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
                 *     documented example is 32 lowercase hexadecimal characters, but no format is documented.
                 * @example 0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
                 *     followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
                 *     function. The shape is assembled from the documented examples; no formal grammar is
                 *     published. The URN is sent in the path as the reference and the official SDKs send it, with
                 *     `:` and `!` unescaped.
                 * @example urn:fss:cn-south-1:0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8:function:default:thumbnail-maker:latest
                 */
                function_urn: components["parameters"]["FunctionUrn"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Execute a function asynchronously and return a reserved instance ID
         * @deprecated
         * @description Starts the function asynchronously and answers at once with the ID of the reserved instance
         *     that runs it, without waiting for the result. Suited to callers that start a long task and do
         *     not need its outcome; if the instance misbehaves, it can be deleted by that ID.
         *
         *     **Whitelist only.** The API is available only to accounts on FunctionGraph's whitelist; other
         *     accounts are refused.
         *
         *     **Regions.** The Chinese reference (2025) documents it only in CN South-Guangzhou
         *     (`cn-south-1`); other language variants list Guangzhou and Guiyang1 (`cn-southwest-2`).
         *
         *     **Deprecated.** The reference marks this API as discarded, and the official SDKs removed it in
         *     3.1.70 (December 2023). No page names a replacement. Successor: asynchronous invocation
         *     (`POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async`, operation
         *     `asyncInvokeFunction`), which answers with a `request_id` instead of an `instance_id`.
         *
         *     Only the 202 and 404 answers are documented for this API. The gateway in front of it answers
         *     other statuses too (see the `default` response).
         */
        post: operations["asyncInvokeReservedFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
interface components {
    schemas: {
        /**
         * InvocationEvent
         * @description A JSON object with user-defined keys, handed to the function as its event.
         * @example {
         *       "k": "v"
         *     }
         */
        InvocationEvent: {
            [key: string]: unknown;
        };
        /**
         * ErrorBody
         * @description The body of every FunctionGraph error. Match on `error_code`; `error_msg` is for people and its
         *     wording varies. The set of codes is open: `x-error-codes` lists the documented ones, and any
         *     other string is a valid code.
         */
        ErrorBody: {
            /**
             * @description Error code, such as `FSS.1051`. `FSS.` codes come from FunctionGraph; `APIGW.` codes come
             *     from the API gateway in front of it.
             * @example FSS.1051
             */
            error_code: string;
            /**
             * @description Error message, for people. Its wording differs between releases; do not match on it.
             * @example Not found the function
             */
            error_msg: string;
        };
        /** ReservedInstance */
        ReservedInstance: {
            /**
             * @description ID of the reserved instance that runs the function. The documented example is a UUID; no
             *     format is documented.
             * @example 048bad9b-96ae-45ad-8f12-4061a744ef9d
             */
            instance_id: string;
        };
    };
    responses: {
        /**
         * @description Any other error. Not documented for this operation, but the API gateway and the service answer
         *     other statuses in practice, for the whole invocation family: 400 (bad request, invalid URN or
         *     alias), 401 (missing or expired token, or an account not on the whitelist), 403 (no
         *     permission), 413 (body too large), 429 (too many concurrent requests), 500, 502, 503 and 504.
         *     They use the same error body; a gateway may also answer with a non-JSON page.
         */
        GatewayError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.0429",
                 *       "error_msg": "Function Disabled"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /**
         * @description Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
         *     documented example is 32 lowercase hexadecimal characters, but no format is documented.
         * @example 0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8
         */
        ProjectId: string;
        /**
         * @description Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
         *     followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
         *     function. The shape is assembled from the documented examples; no formal grammar is
         *     published. The URN is sent in the path as the reference and the official SDKs send it, with
         *     `:` and `!` unescaped.
         * @example urn:fss:cn-south-1:0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8:function:default:thumbnail-maker:latest
         */
        FunctionUrn: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
interface operations {
    asyncInvokeReservedFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
                 *     documented example is 32 lowercase hexadecimal characters, but no format is documented.
                 * @example 0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
                 *     followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
                 *     function. The shape is assembled from the documented examples; no formal grammar is
                 *     published. The URN is sent in the path as the reference and the official SDKs send it, with
                 *     `:` and `!` unescaped.
                 * @example urn:fss:cn-south-1:0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8:function:default:thumbnail-maker:latest
                 */
                function_urn: components["parameters"]["FunctionUrn"];
            };
            cookie?: never;
        };
        /**
         * @description The event handed to the function: a JSON object whose keys the caller defines. The
         *     reference page's example wraps it as `{"body": {"k": "v"}}`, an artefact of the page
         *     generator; the official SDKs send the object itself, as shown here.
         */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "k": "v"
                 *     }
                 */
                "application/json": components["schemas"]["InvocationEvent"];
            };
        };
        responses: {
            /** @description Accepted. The function was started on a reserved instance. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "instance_id": "048bad9b-96ae-45ad-8f12-4061a744ef9d"
                     *     }
                     */
                    "application/json": components["schemas"]["ReservedInstance"];
                };
            };
            /** @description Not Found. The function, version or alias does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "FSS.1051",
                     *       "error_msg": "Not found the function"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            default: components["responses"]["GatewayError"];
        };
    };
}

/** An HTTP method an operation can use. */
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** How one parameter travels: its wire name, location and the input property that carries it. */
interface ParameterDescriptor {
    readonly name: string;
    readonly in: 'path' | 'query' | 'header' | 'cookie';
    readonly input: string;
    readonly required: boolean;
    /** The client options may supply it for every call. */
    readonly clientDefault?: boolean;
}
/** Everything a runtime needs to send one operation and read its answer. */
interface OperationDescriptor {
    readonly id: string;
    readonly method: HttpMethod;
    readonly path: string;
    readonly parameters: readonly ParameterDescriptor[];
    readonly requestBody?: {
        readonly mediaType: string;
        readonly required: boolean;
        /** Whether the runtime serializes the body as JSON. */
        readonly json: boolean;
        /** The top-level JSON type of the body's schema, when the spec states one. */
        readonly schemaType?: string;
    };
    readonly responses: readonly {
        readonly status: string;
        readonly mediaType?: string;
    }[];
    /** Alternatives, each a list of security scheme names that must all be satisfied. */
    readonly security: readonly (readonly string[])[];
    readonly deprecated?: boolean;
    /** What to tell a caller of a deprecated operation, naming its successor when the spec does. */
    readonly deprecation?: string;
}
/** A security scheme, as far as a runtime needs to apply it. */
type SecuritySchemeDescriptor = {
    readonly type: 'apiKey';
    readonly in: 'header' | 'query' | 'cookie';
    readonly name: string;
} | {
    readonly type: 'http';
    readonly scheme: string;
} | {
    readonly type: 'oauth2' | 'openIdConnect' | 'mutualTLS';
};
/** A server URL template and its variables. */
interface ServerDescriptor {
    readonly url: string;
    readonly variables: {
        readonly [name: string]: {
            readonly default: string;
            readonly enum?: readonly string[];
        };
    };
}
/** What a runtime does with one call: send it as the descriptor says, resolve to the parsed body. */
type Invoke<TCallOptions> = (operation: OperationDescriptor, input: object, options: TCallOptions | undefined) => Promise<unknown>;
/** The servers the spec lists; `{name}` placeholders are server variables. */
declare const servers: readonly [{
    readonly url: "https://functiongraph.{region}.myhuaweicloud.com";
    readonly variables: {
        readonly region: {
            readonly default: "cn-south-1";
            readonly enum: readonly ["cn-north-4", "cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1", "ap-southeast-2", "ap-southeast-1", "ap-southeast-3", "af-south-1", "cn-southwest-2", "sa-brazil-1", "la-south-2", "na-mexico-1", "la-north-2", "ap-southeast-4", "eu-west-101", "tr-west-1", "cn-north-9", "cn-north-11", "me-east-1", "my-kualalumpur-1", "cn-south-4", "ru-moscow-1", "cn-east-4", "ae-ad-1", "ap-southeast-5", "cn-southwest-3"];
        };
    };
}];
/** The security schemes the spec defines, by name. */
declare const securitySchemes: {
    readonly iamToken: {
        readonly type: "apiKey";
        readonly in: "header";
        readonly name: "X-Auth-Token";
    };
};
/** Every operation of the spec, by operationId. */
declare const operationDescriptors: {
    readonly asyncInvokeReservedFunction: {
        readonly id: "asyncInvokeReservedFunction";
        readonly method: "post";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
        }];
        readonly requestBody: {
            readonly mediaType: "application/json";
            readonly required: true;
            readonly json: true;
            readonly schemaType: "object";
        };
        readonly responses: readonly [{
            readonly status: "202";
            readonly mediaType: "application/json";
        }, {
            readonly status: "404";
            readonly mediaType: "application/json";
        }, {
            readonly status: "default";
            readonly mediaType: "application/json";
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly deprecated: true;
        readonly deprecation: "asyncInvokeReservedFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations) is deprecated; use asyncInvokeFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async) instead.";
    };
};
/** Error codes the spec documents (`x-error-codes`), with the status each comes with. The set is open: other codes occur. */
declare const knownErrorCodes: {
    readonly 'FSS.0400': {
        readonly status: 400;
        readonly description: "Bad request.";
    };
    readonly 'FSS.0401': {
        readonly status: 401;
        readonly description: "Unauthorized.";
    };
    readonly 'FSS.0403': {
        readonly status: 403;
        readonly description: "Forbidden.";
    };
    readonly 'FSS.0404': {
        readonly status: 404;
        readonly description: "Not found.";
    };
    readonly 'FSS.0406': {
        readonly status: 406;
        readonly description: "The request body is not valid JSON.";
    };
    readonly 'FSS.0408': {
        readonly status: 408;
        readonly description: "Request timed out.";
    };
    readonly 'FSS.0409': {
        readonly status: 409;
        readonly description: "Conflict.";
    };
    readonly 'FSS.0410': {
        readonly status: 410;
        readonly description: "Gone.";
    };
    readonly 'FSS.0413': {
        readonly status: 413;
        readonly description: "Request entity too large.";
    };
    readonly 'FSS.0424': {
        readonly status: 424;
        readonly description: "Failed dependency.";
    };
    readonly 'FSS.0426': {
        readonly status: 426;
        readonly description: "Upgrade required.";
    };
    readonly 'FSS.0428': {
        readonly status: 428;
        readonly description: "Precondition required.";
    };
    readonly 'FSS.0429': {
        readonly status: 429;
        readonly description: "Too many concurrent requests.";
    };
    readonly 'FSS.0500': {
        readonly status: 500;
        readonly description: "Internal server error.";
    };
    readonly 'FSS.0502': {
        readonly status: 502;
        readonly description: "Bad gateway.";
    };
    readonly 'FSS.0503': {
        readonly status: 503;
        readonly description: "Service unavailable.";
    };
    readonly 'FSS.0504': {
        readonly status: 504;
        readonly description: "Gateway timeout.";
    };
    readonly 'FSS.1014': {
        readonly status: 400;
        readonly description: "Invalid alias.";
    };
    readonly 'FSS.1015': {
        readonly status: 400;
        readonly description: "Invalid version.";
    };
    readonly 'FSS.1051': {
        readonly status: 404;
        readonly description: "The function does not exist.";
    };
    readonly 'FSS.1052': {
        readonly status: 404;
        readonly description: "The version does not exist.";
    };
    readonly 'FSS.1053': {
        readonly status: 404;
        readonly description: "The alias does not exist.";
    };
    readonly 'FSS.1115': {
        readonly status: 503;
        readonly description: "Network unreachable.";
    };
    readonly 'FSS.1118': {
        readonly status: 401;
        readonly description: "Access denied; the account is not on the whitelist this API requires.";
    };
    readonly 'FSS.1126': {
        readonly status: 403;
        readonly description: "No permission.";
    };
    readonly 'FSS.1169': {
        readonly status: 503;
        readonly description: "Network unreachable.";
    };
    readonly 'FSS.1201': {
        readonly status: 413;
        readonly description: "The request body is too large.";
    };
    readonly 'FSS.1202': {
        readonly status: 500;
        readonly description: "The function returned an invalid response body.";
    };
    readonly 'FSS.1309': {
        readonly status: 400;
        readonly description: "Invalid function URN.";
    };
    readonly 'FSS.1310': {
        readonly status: 400;
        readonly description: "Unauthorized user (no token).";
    };
};
/** An error code the spec documents. */
type KnownErrorCode = keyof typeof knownErrorCodes;
/** An error code: one the spec documents (editors complete these) or any other string. */
type ErrorCode = KnownErrorCode | (string & {});
/** Parameters the client options may supply for every call (`x-client-default` in the spec). */
interface ClientDefaults {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     */
    projectId?: NonNullable<AsyncInvokeReservedFunctionOperation['parameters']['path']>['project_id'];
}
/** The schema types of POST /v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations. */
type AsyncInvokeReservedFunctionOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations']['post'];
/** Input of `asyncInvokeReservedFunction` (POST /v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations). */
interface AsyncInvokeReservedFunctionInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<AsyncInvokeReservedFunctionOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<AsyncInvokeReservedFunctionOperation['parameters']['path']>['function_urn'];
    /**
     * The event handed to the function: a JSON object whose keys the caller defines. The
     * reference page's example wraps it as `{"body": {"k": "v"}}`, an artefact of the page
     * generator; the official SDKs send the object itself, as shown here.
     */
    body: NonNullable<AsyncInvokeReservedFunctionOperation['requestBody']>['content']['application/json'];
}
/** What `asyncInvokeReservedFunction` resolves to: the body of a successful answer. */
type AsyncInvokeReservedFunctionResult = AsyncInvokeReservedFunctionOperation['responses'][202]['content']['application/json'];
/** The body of an error answer to `asyncInvokeReservedFunction`, as the spec describes it. */
type AsyncInvokeReservedFunctionErrorBody = AsyncInvokeReservedFunctionOperation['responses'][404]['content']['application/json'] | AsyncInvokeReservedFunctionOperation['responses']['default']['content']['application/json'];
/** The body of an error answer to any operation. */
type OperationErrorBody = AsyncInvokeReservedFunctionErrorBody;
/** One method per operation of FunctionGraph Function Invocation API 1.0.0. */
interface Operations<TCallOptions> {
    /**
     * Execute a function asynchronously and return a reserved instance ID
     *
     * Starts the function asynchronously and answers at once with the ID of the reserved instance
     * that runs it, without waiting for the result. Suited to callers that start a long task and do
     * not need its outcome; if the instance misbehaves, it can be deleted by that ID.
     *
     * **Whitelist only.** The API is available only to accounts on FunctionGraph's whitelist; other
     * accounts are refused.
     *
     * **Regions.** The Chinese reference (2025) documents it only in CN South-Guangzhou
     * (`cn-south-1`); other language variants list Guangzhou and Guiyang1 (`cn-southwest-2`).
     *
     * **Deprecated.** The reference marks this API as discarded, and the official SDKs removed it in
     * 3.1.70 (December 2023). No page names a replacement. Successor: asynchronous invocation
     * (`POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async`, operation
     * `asyncInvokeFunction`), which answers with a `request_id` instead of an `instance_id`.
     *
     * Only the 202 and 404 answers are documented for this API. The gateway in front of it answers
     * other statuses too (see the `default` response).
     *
     * `POST /v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations`
     * @deprecated asyncInvokeReservedFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations) is deprecated; use asyncInvokeFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async) instead.
     * @see {@link https://support.huaweicloud.com/intl/en-us/api-functiongraph/functiongraph_06_1017.html API reference page (functiongraph_06_1017)}
     */
    asyncInvokeReservedFunction(input: AsyncInvokeReservedFunctionInput, options?: TCallOptions): Promise<AsyncInvokeReservedFunctionResult>;
}
/** Builds the typed methods on top of a runtime that knows how to send a described operation. */
declare function bindOperations<TCallOptions>(invoke: Invoke<TCallOptions>): Operations<TCallOptions>;

/** Regions the spec's server lists; any other region ID is accepted too. */
type KnownRegion = (typeof servers)[0]['variables']['region']['enum'][number];

/**
 * `createFunctionGraphClient`: the generated operations bound to a small runtime on top of
 * openapi-fetch. The runtime reads operation descriptors; it knows no endpoint by name.
 */

interface FunctionGraphClientOptions extends ClientDefaults {
    /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
    baseUrl?: string;
    /** Region ID; picks the spec's regional endpoint. */
    region?: KnownRegion | (string & {});
    /** IAM token sent as `X-Auth-Token`: a string, or a function called before every request. */
    token?: TokenOption;
    /** A fetch implementation to use instead of `globalThis.fetch`. */
    fetch?: (request: Request) => Promise<Response>;
}
interface CallOptions {
    /** Cancels the call. */
    signal?: AbortSignal;
    /** Extra request headers for this call. */
    headers?: Record<string, string>;
}
type FunctionGraphClient = Operations<CallOptions> & {
    /** The underlying openapi-fetch client, for `{ data, error, response }` style calls. Auth and path encoding apply to it too. */
    readonly raw: Client<paths>;
    /** The endpoint every request goes to. */
    readonly baseUrl: string;
};
declare function createFunctionGraphClient(options: FunctionGraphClientOptions): FunctionGraphClient;

/**
 * What the client throws. One base class so `catch (e) { if (e instanceof FunctionGraphError) }`
 * catches everything this package raises; a subclass per meaning so callers can branch on it.
 * No error carries request headers, so a token can never leak through one.
 */

declare class FunctionGraphError extends Error {
    name: string;
}
/** An argument was wrong; nothing was sent. */
declare class FunctionGraphInputError extends FunctionGraphError {
    name: string;
    /** The argument at fault, as the caller wrote it (`functionUrn`, `body`, `token`, `region`, …). */
    readonly argument: string;
    constructor(argument: string, problem: string, options?: ErrorOptions);
}
/** The request could not be sent or no answer arrived (refused, reset, DNS, TLS). */
declare class FunctionGraphConnectionError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
    constructor(operationId: string, url: string, cause: unknown);
}
interface ResponseFacts {
    operationId: string;
    status: number;
    statusText: string;
    headers: Headers;
}
/** The server answered with something other than what the spec promises for success. */
declare class FunctionGraphResponseError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
    readonly status: number;
    readonly headers: Headers;
    readonly requestId: string | undefined;
    constructor(facts: ResponseFacts, problem: string);
}
/** The server answered with an error status. `body` is the parsed error body when it was JSON. */
declare class FunctionGraphApiError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
    readonly status: number;
    readonly headers: Headers;
    /** `X-Request-Id` or `X-Cff-Request-Id`, for support tickets. */
    readonly requestId: string | undefined;
    /** The error body as the spec describes it, when the answer was JSON. */
    readonly body: OperationErrorBody | undefined;
    /** The raw text of the body when it was not JSON (a gateway's HTML page, say), cut to 500 characters. */
    readonly bodyText: string | undefined;
    readonly errorCode: ErrorCode | undefined;
    readonly errorMsg: string | undefined;
    constructor(facts: ResponseFacts, body: unknown);
}

declare function encodePathParameter(value: string): string;

export { type AsyncInvokeReservedFunctionErrorBody, type AsyncInvokeReservedFunctionInput, type AsyncInvokeReservedFunctionOperation, type AsyncInvokeReservedFunctionResult, type CallOptions, type ClientDefaults, type ErrorCode, FunctionGraphApiError, type FunctionGraphClient, type FunctionGraphClientOptions, FunctionGraphConnectionError, FunctionGraphError, FunctionGraphInputError, FunctionGraphResponseError, type HttpMethod, type Invoke, type KnownErrorCode, type KnownRegion, type OperationDescriptor, type OperationErrorBody, type Operations, type ParameterDescriptor, type SecuritySchemeDescriptor, type ServerDescriptor, type TokenOption, type TokenProvider, bindOperations, type components, createFunctionGraphClient, encodePathParameter, knownErrorCodes, operationDescriptors, type operations, type paths, securitySchemes, servers };
