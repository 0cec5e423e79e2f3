import { Client } from 'openapi-fetch';

type TokenProvider = () => string | Promise<string>;
type TokenOption = string | TokenProvider;

interface paths {
    "/v2/{project_id}/fgs/functions/{function_urn}/invocations": {
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
         * Execute a function synchronously
         * @description Runs the function with the given event and answers when the run is over, with what the
         *     function returned.
         *
         *     **Answer format.** With `X-CFF-Request-Version: v1` the body is JSON: the request ID, the
         *     function's result as a string, its log and an integer status. With `v0` the reference says
         *     only that the body is text; this description reads that as `text/plain`, and says nothing of
         *     what the text holds because the reference does not.
         *
         *     **Function errors.** A function that fails still answers 200: `X-Is-Func-Err`,
         *     `X-Func-Err-Code` and the body's `status` say what happened. The 4xx and 5xx statuses are
         *     the service's own errors.
         *
         *     **Limits.** The request body may be at most 6 MB, and so may the answer. The reference writes
         *     "6 MB" without saying whether it means 10^6 or 2^20 bytes; `x-max-body-bytes` takes the
         *     permissive reading, 6 MiB (6,291,456 bytes), and lets the server refuse anything in between.
         *     The gateway gives no answer to a run that takes longer than 90 seconds
         *     (`x-response-timeout-ms`); the reference recommends asynchronous invocation
         *     (`asyncInvokeFunction`) for such work.
         *
         *     **Headers.** `Content-Type` is required by the reference; it is the request body's media type
         *     (`application/json`). The token goes in `X-Auth-Token` (security scheme `iamToken`).
         */
        post: operations["invokeFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{project_id}/fgs/functions/{function_urn}/invocations-async": {
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
         * Execute a function asynchronously
         * @description Queues a run of the function with the given event and answers at once with a request ID,
         *     without waiting for the run. A run may last up to 72 hours; a return value over 256 KB is
         *     recorded as empty.
         *
         *     **Following the run.** The request ID finds the run's record in `listAsyncInvocations` (and,
         *     while it runs, in `listActiveAsyncInvocations`), and stops it with `cancelAsyncInvocation`.
         *     Records exist only when the function has asynchronous invocation status persistence on
         *     (`enable_async_status_log: true` in
         *     `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or the console's
         *     asynchronous notification policy).
         *
         *     **Limits.** The request body may be at most 256 KB, read here as 262,144 bytes
         *     (`x-max-body-bytes`).
         *
         *     **Errors.** The current reference documents 400, 401, 403, 404, 500 and 503; older pages also
         *     show 429 with `FSS.0429`, whose example message is "Function Disabled" although the error code
         *     table describes `FSS.0429` as too many concurrent requests.
         *
         *     **Headers.** `Content-Type` is required by the reference; it is the request body's media type
         *     (`application/json`). `X-Cff-Instance-Memory` is sent by the current official SDK but is not
         *     listed on every variant of the reference page.
         */
        post: operations["asyncInvokeFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{project_id}/fgs/functions/{function_urn}/async-invocations": {
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
         * List asynchronous invocation records
         * @description Lists the records of the function's asynchronous invocations in a time window (by default
         *     the last hour), one page at a time: filter by request ID or status, page with `marker`,
         *     `limit` and the answer's `next_marker`. A record tells whether a run started with
         *     `asyncInvokeFunction` is waiting, running, or over, and how it ended.
         *
         *     **Status persistence.** Records exist only for a function with asynchronous invocation
         *     status persistence on: set `enable_async_status_log: true` with
         *     `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or turn it on in the
         *     console's asynchronous notification policy. What this API answers for a function without it
         *     is not documented.
         *
         *     **Query values.** The reference types every query parameter as a string; `limit` holds an
         *     integer from the range below and the times are UTC in the `YYYY-MM-DDTHH:mm:ss` form.
         *
         *     **Errors.** The reference documents 403, 404 and 500 for this API.
         *
         *     **Reference page.** The sources this description follows name this API (the official SDKs
         *     call it `ListAsyncInvocations`) but give no reference page ID, so no link is given.
         */
        get: operations["listAsyncInvocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations": {
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
         * List active asynchronous invocations
         * @description Lists the function's asynchronous invocations that are still active, with the same filters,
         *     paging and answer as `listAsyncInvocations`, except that `requests` (up to 10 request IDs,
         *     comma-separated) takes the place of `request_id`. The reference does not define "active"
         *     beyond the name; `WAIT` and `RUNNING` are the statuses that are not final.
         *
         *     **Status persistence.** As for `listAsyncInvocations`, records exist only for a function with
         *     asynchronous invocation status persistence on (`enable_async_status_log: true` with
         *     `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or the console's
         *     asynchronous notification policy); what this API answers without it is not documented.
         *
         *     **Errors.** The reference documents 403, 404 and 500 for this API.
         *
         *     **Reference page.** The sources this description follows name this API (the official SDKs
         *     call it `ListActiveAsyncInvocations`) but give no reference page ID, so no link is given.
         */
        get: operations["listActiveAsyncInvocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/{project_id}/fgs/functions/{function_urn}/cancel": {
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
         * Stop an asynchronous invocation
         * @description Stops a run started with `asyncInvokeFunction`, named by its request ID. `type: recursive`
         *     also stops the sub-functions the run invoked; `type: force` ends the function's runtime, and
         *     is what the reference advises.
         *
         *     **Side effect.** Other requests running on the same instance end too; they report
         *     "4208 function invocation canceled".
         *
         *     **Repeating it.** This description marks the operation safe to repeat (`x-idempotent`):
         *     asking again to stop a run that is already stopping or over asks for nothing new. The
         *     reference does not say what a repeated request answers.
         *
         *     **Answer.** 200 with the JSON body `null`: the answer carries nothing to read.
         *
         *     **Errors.** The reference documents 400 (`FSS.0400`, "Invalid RequestId"), 403, 404 and 500.
         *
         *     **Reference page.** The sources this description follows name this API (the official SDKs
         *     call it `CancelAsyncInvocation`) but give no reference page ID, so no link is given.
         */
        post: operations["cancelAsyncInvocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
        /**
         * InvokeSummary
         * @description The execution summary the `X-Cff-Invoke-Summary` header carries as JSON. The reference names
         *     these four numbers without stating their units; the log lines of its example report durations
         *     in milliseconds and memory in MB. Other fields may appear.
         */
        InvokeSummary: {
            /**
             * @description How long the function ran.
             * @example 65.828
             */
            duration?: number;
            /**
             * @description The duration that is billed.
             * @example 66
             */
            billingDuration?: number;
            /**
             * @description Memory of the instance.
             * @example 128
             */
            memorySize?: number;
            /**
             * @description Memory the run used.
             * @example 21.473
             */
            memoryUsed?: number;
        };
        /**
         * SyncInvocationResult
         * @description The answer to a synchronous invocation in the `v1` (JSON) format. The reference lists the four
         *     fields without saying which are always present.
         */
        SyncInvocationResult: {
            /**
             * @description ID of this request (also in the `X-Cff-Request-Id` header).
             * @example 1cbe80f3-3c65-475e-ad88-76ac518d386a
             */
            request_id?: string;
            /**
             * @description What the function returned, as a string. Functions often return JSON, which then arrives
             *     here as a JSON text to parse; nothing guarantees that it is JSON.
             * @example {"statusCode": 200, "isBase64Encoded": false, "body": "{\"key\": \"value\"}", "headers": {"Content-Type": "application/json"}}
             */
            result?: string;
            /**
             * @description The function's log for this run, as text (filled when `X-Cff-Log-Type` is `tail`).
             * @example 2022-09-20T11:43:57Z Start invoke request '1cbe80f3-3c65-475e-ad88-76ac518d386a', version: v1
             *     Hello, World!
             */
            log?: string;
            /**
             * @description Execution status of the function, as an integer. The reference gives no list of values; its
             *     example shows `200` for a successful run.
             * @example 200
             */
            status?: number;
        };
        /**
         * AsyncInvocationAccepted
         * @description The answer to an asynchronous invocation: the request ID by which to find its record later.
         *     The current reference names it `request_id`; an older page says `requestId` (camel case) may be
         *     returned, so an answer carries at least one of the two (either branch below; both may hold).
         */
        AsyncInvocationAccepted: {
            /**
             * @description ID of the asynchronous request. The documented example is a UUID; no format is documented.
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            request_id: string;
            /**
             * @description The same ID under the camel-case name an older reference page shows.
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            requestId?: string;
        } | {
            /**
             * @description ID of the asynchronous request, under the name the current reference uses.
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            request_id?: string;
            /**
             * @description ID of the asynchronous request under the camel-case name an older reference page shows.
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            requestId: string;
        };
        /**
         * AsyncInvocationStatus
         * @description Status of an asynchronous invocation record: `WAIT` (queued), `RUNNING`, `SUCCESS`, `FAIL`
         *     (the run failed) or `DISCARD` (the request was dropped). `SUCCESS`, `FAIL` and `DISCARD` are
         *     final.
         * @example SUCCESS
         * @enum {string}
         */
        AsyncInvocationStatus: "WAIT" | "RUNNING" | "SUCCESS" | "FAIL" | "DISCARD";
        /**
         * QueryTime
         * @description A time in UTC as `YYYY-MM-DDTHH:mm:ss`, without a zone suffix or fraction of a second.
         * @example 2026-11-30T09:00:00
         */
        QueryTime: string;
        /**
         * AsyncInvocationRecord
         * @description The record of one asynchronous invocation. Records exist only for functions with asynchronous
         *     invocation status persistence turned on. The reference marks none of the fields as always
         *     present.
         */
        AsyncInvocationRecord: {
            /**
             * @description ID of the asynchronous request.
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            request_id?: string;
            status?: components["schemas"]["AsyncInvocationStatus"];
            /**
             * @description Error code of the run; `0` on success.
             * @example 0
             */
            error_code?: number;
            /**
             * @description Error message of the run; empty on success.
             * @example
             */
            error_message?: string;
            /**
             * @description When the run started, in UTC as `YYYY-MM-DDTHH:mm:ss`.
             * @example 2026-11-30T09:12:03
             */
            start_time?: string;
            /**
             * @description When the run ended, in UTC as `YYYY-MM-DDTHH:mm:ss`. What it holds while the run has not
             *     ended is not documented.
             * @example 2026-11-30T09:12:05
             */
            end_time?: string;
        };
        /**
         * AsyncInvocationList
         * @description One page of asynchronous invocation records. The documented example has only `invocations`;
         *     `count` and `next_marker` are in the field tables and in the official Go SDK's model (as
         *     integers) but may be missing, so no field is required. What the answer holds for a function
         *     without status persistence is not documented.
         */
        AsyncInvocationList: {
            /** @description The records on this page. */
            invocations?: components["schemas"]["AsyncInvocationRecord"][];
            /**
             * @description Number of records matching the query, in all.
             * @example 1
             */
            count?: number;
            /**
             * @description The `marker` that asks for the next page. How the last page is marked (no `next_marker`, or
             *     a page shorter than `limit`) is not documented.
             * @example 1
             */
            next_marker?: number;
        };
        /**
         * CancelAsyncInvocationRequest
         * @description Which asynchronous request to stop, and how.
         */
        CancelAsyncInvocationRequest: {
            /**
             * @description ID of the asynchronous request to stop (as returned by `asyncInvokeFunction`).
             * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
             */
            request_id: string;
            /**
             * @description How to stop it: `recursive` also stops the sub-functions it invoked; `force` ends the
             *     function's runtime. The reference advises `force`. What the server does when `type` is left
             *     out is not documented.
             * @example force
             * @enum {string}
             */
            type?: "force" | "recursive";
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
         * @description Any status not listed for this operation. The reference documents only the statuses listed,
         *     but the invocation family as a whole documents 400, 401, 403, 404, 413 (body too large), 429
         *     (too many concurrent requests), 500 and 503, and the API gateway in front of the service answers
         *     with statuses of its own (authentication failures and throttling, with `APIGW.` codes; a
         *     secondary source gives 413 `APIGW.0201` for bodies over 12 MB). They use the same error body,
         *     but a gateway may also answer with a non-JSON page.
         */
        GatewayError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.1201",
                 *       "error_msg": "The request body is too large."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description Bad Request: for example an invalid function URN (`FSS.1309`), version (`FSS.1015`) or alias
         *     (`FSS.1014`), or no token (`FSS.1310`).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description Unauthorized: the credentials were refused. Gateway refusals carry `APIGW.` codes instead of
         *     `FSS.` ones.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.0401",
                 *       "error_msg": "Unauthorized."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Forbidden: the token has no permission for this function (`FSS.1126`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.1126",
                 *       "error_msg": "No permission."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Not Found: the function (`FSS.1051`), version (`FSS.1052`) or alias (`FSS.1053`) does not exist. */
        NotFound: {
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
        /** @description Internal Server Error (`FSS.0500`; `FSS.1202` when the function returned an invalid response body). */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.0500",
                 *       "error_msg": "Internal server error."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Service Unavailable: for example the network is unreachable (`FSS.1115`, `FSS.1169`). */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error_code": "FSS.1115",
                 *       "error_msg": "Network unreachable."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description OK. One page of records; their order is not documented. For a function without asynchronous
         *     invocation status persistence, what this answer holds is not documented; see the operation's
         *     description for how to turn persistence on.
         */
        AsyncInvocationPage: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "invocations": [
                 *         {
                 *           "request_id": "1167bf8c-87b0-43ab-8f5f-26b16c64f252",
                 *           "status": "SUCCESS",
                 *           "error_code": 0,
                 *           "error_message": "",
                 *           "start_time": "2026-11-30T09:12:03",
                 *           "end_time": "2026-11-30T09:12:05"
                 *         }
                 *       ],
                 *       "count": 1,
                 *       "next_marker": 1
                 *     }
                 */
                "application/json": components["schemas"]["AsyncInvocationList"];
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
        /**
         * @description Whether to return the end of the function's log with the answer. The reference documents two
         *     values: `tail` returns the last part of the log (Base64 in the `X-Cff-Function-Log` response
         *     header), and an empty value returns none (the English page writes "null" for it); leaving the
         *     header out is not described separately. The reference contradicts itself on how much is
         *     returned: this header's description says 4 KB, the `X-Cff-Function-Log` description says the
         *     last 2,000 bytes.
         * @example tail
         */
        LogType: "tail" | "";
        /**
         * @description Format of the answer's body: `v1` is JSON (`request_id`, `result`, `log`, `status`), `v0` is
         *     text. The reference tells SDKs to send `v1`, so a generated client sends `v1` unless the caller
         *     chooses `v0` (`x-ms-client-default`). Which format the server uses when the header is absent is
         *     not documented, so the schema states no `default`. The answer says which format it used in
         *     `X-Cff-Response-Version`.
         * @example v1
         */
        RequestVersion: "v0" | "v1";
        /**
         * @description Memory, in MB, of the instance that runs this call, one of the documented sizes. The reference
         *     lists the header as a string on the wire; its values are the integers below. For asynchronous
         *     invocation the current official SDK sends it, but not every variant of the reference page
         *     lists it.
         * @example 512
         */
        InstanceMemory: 128 | 256 | 512 | 768 | 1024 | 1280 | 1536 | 1792 | 2048 | 2560 | 3072 | 3584 | 4096 | 8192 | 10240;
        /**
         * @description Only the record of this asynchronous request ID (as returned by `asyncInvokeFunction`), 0 to 64 characters.
         * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
         */
        RequestIdQuery: string;
        /**
         * @description Where the page starts: `0` (the default) for the first page, then the `next_marker` of the
         *     previous answer. The reference types it as a string; the official Go SDK types `next_marker` as
         *     an integer, so send its decimal form.
         * @example 0
         */
        Marker: string;
        /**
         * @description Largest number of records in one answer: at most 500; the server assumes 100 when it is left
         *     out. The reference types it as a string on the wire, holding these integers. It gives no
         *     minimum; this description asks for at least 1, the smallest page that can hold a record.
         * @example 100
         */
        Limit: number;
        /**
         * @description Only records in this status.
         * @example SUCCESS
         */
        StatusFilter: components["schemas"]["AsyncInvocationStatus"];
        /**
         * @description Start of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
         *     When left out the server uses one hour before now.
         * @example 2026-11-30T09:00:00
         */
        QueryBeginTime: components["schemas"]["QueryTime"];
        /**
         * @description End of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
         *     When left out the server uses now.
         * @example 2026-11-30T10:00:00
         */
        QueryEndTime: components["schemas"]["QueryTime"];
        /**
         * @description Only these asynchronous request IDs: up to 10 IDs separated by commas, at most 640 characters
         *     in all. One string on the wire, as the reference defines it (not a repeated parameter).
         * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252,5e2d7f0a-3c1b-4d8e-9f6a-2b7c8d9e0f1a
         */
        RequestIdsQuery: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description ID of this synchronous request.
         * @example 1cbe80f3-3c65-475e-ad88-76ac518d386a
         */
        XCffRequestId: string;
        /**
         * @description Execution summary of the call: a JSON object in the header value (see `InvokeSummary` for the
         *     fields and what is known of their units).
         * @example {"duration":65.828,"billingDuration":66,"memorySize":128,"memoryUsed":21.473}
         */
        XCffInvokeSummary: string;
        /**
         * @description The end of the function's log for this call, Base64-encoded; sent only when the request had
         *     `X-Cff-Log-Type: tail`. This header's reference text says the last 2,000 bytes of the log; the
         *     request header's text says 4 KB.
         * @example SGVsbG8sIFdvcmxkIQo=
         */
        XCffFunctionLog: string;
        /**
         * @description Billing information of the call. The reference types it as a string and documents neither its
         *     unit nor its format (the summary's `billingDuration` is a number).
         * @example 66
         */
        XCffBillingDuration: string;
        /**
         * @description Which format the body is in, `v0` (text) or `v1` (JSON).
         * @example v1
         */
        XCffResponseVersion: "v0" | "v1";
        /**
         * @description Error code of the function's run: `0` when it succeeded. The reference types the header as a
         *     string whose value is this integer; it lists no other values.
         * @example 0
         */
        XFuncErrCode: number;
        /**
         * @description Whether the error, if any, happened inside the user's function (as opposed to the service).
         *     The reference types the header as a string and shows no value; it is read as `true` or `false`.
         * @example false
         */
        XIsFuncErr: boolean;
    };
    pathItems: never;
}
interface operations {
    invokeFunction: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Whether to return the end of the function's log with the answer. The reference documents two
                 *     values: `tail` returns the last part of the log (Base64 in the `X-Cff-Function-Log` response
                 *     header), and an empty value returns none (the English page writes "null" for it); leaving the
                 *     header out is not described separately. The reference contradicts itself on how much is
                 *     returned: this header's description says 4 KB, the `X-Cff-Function-Log` description says the
                 *     last 2,000 bytes.
                 * @example tail
                 */
                "X-Cff-Log-Type"?: components["parameters"]["LogType"];
                /**
                 * @description Format of the answer's body: `v1` is JSON (`request_id`, `result`, `log`, `status`), `v0` is
                 *     text. The reference tells SDKs to send `v1`, so a generated client sends `v1` unless the caller
                 *     chooses `v0` (`x-ms-client-default`). Which format the server uses when the header is absent is
                 *     not documented, so the schema states no `default`. The answer says which format it used in
                 *     `X-Cff-Response-Version`.
                 * @example v1
                 */
                "X-CFF-Request-Version"?: components["parameters"]["RequestVersion"];
                /**
                 * @description Memory, in MB, of the instance that runs this call, one of the documented sizes. The reference
                 *     lists the header as a string on the wire; its values are the integers below. For asynchronous
                 *     invocation the current official SDK sends it, but not every variant of the reference page
                 *     lists it.
                 * @example 512
                 */
                "X-Cff-Instance-Memory"?: components["parameters"]["InstanceMemory"];
            };
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
         * @description The event handed to the function: a JSON object whose keys the caller defines. At most 6 MB
         *     (read as 6 MiB, see the operation's description).
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
            /**
             * @description OK. The function ran; whether it succeeded is in `X-Is-Func-Err`, `X-Func-Err-Code` and,
             *     for `v1`, the body's `status`.
             */
            200: {
                headers: {
                    "X-Cff-Request-Id": components["headers"]["XCffRequestId"];
                    "X-Cff-Invoke-Summary": components["headers"]["XCffInvokeSummary"];
                    "X-Cff-Function-Log": components["headers"]["XCffFunctionLog"];
                    "X-CFF-Billing-Duration": components["headers"]["XCffBillingDuration"];
                    "X-Cff-Response-Version": components["headers"]["XCffResponseVersion"];
                    "X-Func-Err-Code": components["headers"]["XFuncErrCode"];
                    "X-Is-Func-Err": components["headers"]["XIsFuncErr"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncInvocationResult"];
                    /** @example Hello, World! */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["GatewayError"];
        };
    };
    asyncInvokeFunction: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Memory, in MB, of the instance that runs this call, one of the documented sizes. The reference
                 *     lists the header as a string on the wire; its values are the integers below. For asynchronous
                 *     invocation the current official SDK sends it, but not every variant of the reference page
                 *     lists it.
                 * @example 512
                 */
                "X-Cff-Instance-Memory"?: components["parameters"]["InstanceMemory"];
            };
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
        /** @description The event handed to the function, a JSON object whose keys the caller defines. At most 256 KB. */
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
            /** @description Accepted. The run is queued; the body carries its request ID. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AsyncInvocationAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /**
             * @description Too Many Requests (documented only on older pages). The example message says the function
             *     is disabled; the error code table says `FSS.0429` means too many concurrent requests.
             */
            429: {
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
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["GatewayError"];
        };
    };
    listAsyncInvocations: {
        parameters: {
            query?: {
                /**
                 * @description Only the record of this asynchronous request ID (as returned by `asyncInvokeFunction`), 0 to 64 characters.
                 * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252
                 */
                request_id?: components["parameters"]["RequestIdQuery"];
                /**
                 * @description Where the page starts: `0` (the default) for the first page, then the `next_marker` of the
                 *     previous answer. The reference types it as a string; the official Go SDK types `next_marker` as
                 *     an integer, so send its decimal form.
                 * @example 0
                 */
                marker?: components["parameters"]["Marker"];
                /**
                 * @description Largest number of records in one answer: at most 500; the server assumes 100 when it is left
                 *     out. The reference types it as a string on the wire, holding these integers. It gives no
                 *     minimum; this description asks for at least 1, the smallest page that can hold a record.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Only records in this status.
                 * @example SUCCESS
                 */
                status?: components["parameters"]["StatusFilter"];
                /**
                 * @description Start of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
                 *     When left out the server uses one hour before now.
                 * @example 2026-11-30T09:00:00
                 */
                query_begin_time?: components["parameters"]["QueryBeginTime"];
                /**
                 * @description End of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
                 *     When left out the server uses now.
                 * @example 2026-11-30T10:00:00
                 */
                query_end_time?: components["parameters"]["QueryEndTime"];
            };
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
        requestBody?: never;
        responses: {
            200: components["responses"]["AsyncInvocationPage"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["GatewayError"];
        };
    };
    listActiveAsyncInvocations: {
        parameters: {
            query?: {
                /**
                 * @description Only these asynchronous request IDs: up to 10 IDs separated by commas, at most 640 characters
                 *     in all. One string on the wire, as the reference defines it (not a repeated parameter).
                 * @example 1167bf8c-87b0-43ab-8f5f-26b16c64f252,5e2d7f0a-3c1b-4d8e-9f6a-2b7c8d9e0f1a
                 */
                requests?: components["parameters"]["RequestIdsQuery"];
                /**
                 * @description Where the page starts: `0` (the default) for the first page, then the `next_marker` of the
                 *     previous answer. The reference types it as a string; the official Go SDK types `next_marker` as
                 *     an integer, so send its decimal form.
                 * @example 0
                 */
                marker?: components["parameters"]["Marker"];
                /**
                 * @description Largest number of records in one answer: at most 500; the server assumes 100 when it is left
                 *     out. The reference types it as a string on the wire, holding these integers. It gives no
                 *     minimum; this description asks for at least 1, the smallest page that can hold a record.
                 * @example 100
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Only records in this status.
                 * @example SUCCESS
                 */
                status?: components["parameters"]["StatusFilter"];
                /**
                 * @description Start of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
                 *     When left out the server uses one hour before now.
                 * @example 2026-11-30T09:00:00
                 */
                query_begin_time?: components["parameters"]["QueryBeginTime"];
                /**
                 * @description End of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
                 *     When left out the server uses now.
                 * @example 2026-11-30T10:00:00
                 */
                query_end_time?: components["parameters"]["QueryEndTime"];
            };
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
        requestBody?: never;
        responses: {
            200: components["responses"]["AsyncInvocationPage"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["GatewayError"];
        };
    };
    cancelAsyncInvocation: {
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
        /** @description The request ID of the run to stop and, optionally, how to stop it. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "request_id": "1167bf8c-87b0-43ab-8f5f-26b16c64f252",
                 *       "type": "force"
                 *     }
                 */
                "application/json": components["schemas"]["CancelAsyncInvocationRequest"];
            };
        };
        responses: {
            /** @description OK. The run is being stopped. The body is the JSON literal `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example null */
                    "application/json": null;
                };
            };
            /** @description Bad Request: for example the request ID is not valid (`FSS.0400`, "Invalid RequestId"). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error_code": "FSS.0400",
                     *       "error_msg": "Invalid RequestId"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            default: components["responses"]["GatewayError"];
        };
    };
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
    /** Absent when not required. */
    readonly required?: boolean;
    /** The client options may supply it for every call. */
    readonly clientDefault?: boolean;
    /** Sent when the caller gives no value (`x-ms-client-default`). */
    readonly sentByDefault?: string | number | boolean;
    /** Constraints a runtime checks before sending. */
    readonly rules?: ValueRules;
}
/** JSON Schema value constraints, with the spec's words for the pattern (`x-pattern-description`). */
interface ValueRules {
    /** The value's type when it is not a string. */
    readonly type?: 'integer' | 'number' | 'boolean';
    readonly enum?: readonly (string | number | boolean)[];
    readonly minimum?: number;
    readonly maximum?: number;
    readonly exclusiveMinimum?: number;
    readonly exclusiveMaximum?: number;
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly pattern?: string;
    readonly patternDescription?: string;
}
/** One documented successful answer: its status (`202`, `2XX`) and what its body must look like. */
interface ResponseDescriptor {
    readonly status: string;
    readonly mediaType?: string;
    /** The top-level JSON type of the body's schema, when the spec states one. */
    readonly schemaType?: string;
    /** Every media type the spec lists for this answer, when it lists more than one. */
    readonly mediaTypes?: readonly string[];
    /** Top-level properties a success body must have. */
    readonly required?: readonly string[];
    /** The response headers the spec documents for this answer. */
    readonly headers?: readonly ResponseHeaderDescriptor[];
}
/**
 * A documented response header and how to decode it: `contentEncoding` (`base64`) and
 * `contentMediaType` (`application/json`) as JSON Schema uses them, `type` for a scalar that is
 * not a string.
 */
interface ResponseHeaderDescriptor {
    /** The wire name. */
    readonly name: string;
    /** The property that carries the decoded value (`x-ms-client-name`, or the camelCase wire name). */
    readonly output: string;
    readonly type?: 'integer' | 'number' | 'boolean';
    readonly enum?: readonly (string | number | boolean)[];
    readonly contentEncoding?: string;
    readonly contentMediaType?: string;
}
/** Everything a runtime needs to send one operation and read its answer. */
interface OperationDescriptor {
    readonly id: string;
    readonly method: HttpMethod;
    readonly path: string;
    readonly parameters: readonly ParameterDescriptor[];
    readonly requestBody?: {
        readonly mediaType: string;
        /** Absent when not required. */
        readonly required?: boolean;
        /** Whether the runtime serializes the body as JSON. */
        readonly json: boolean;
        /** The top-level JSON type of the body's schema, when the spec states one. */
        readonly schemaType?: string;
        /** The largest body, in bytes of what is sent, accepted before sending (`x-max-body-bytes`). */
        readonly maxBytes?: number;
    };
    /** The successful answers the spec documents (2xx and 2XX). */
    readonly responses: readonly ResponseDescriptor[];
    /** Alternatives, each a list of security scheme names that must all be satisfied. */
    readonly security: readonly (readonly string[])[];
    /** The request headers a token fills (header API keys of the first alternative that has only those); absent when none. */
    readonly tokenHeaders?: readonly string[];
    /** Safe to repeat: an idempotent HTTP method, or `x-idempotent: true` on a POST. */
    readonly idempotent?: boolean;
    /** The longest the server may take to answer (`x-response-timeout-ms`). */
    readonly responseTimeoutMs?: number;
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
/** What a runtime needs of `servers`: each URL template with its variables' defaults (the enums stay out of client bundles). */
declare const serverTemplates: readonly [{
    readonly url: "https://functiongraph.{region}.myhuaweicloud.com";
    readonly defaults: {
        readonly region: "cn-south-1";
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
    readonly invokeFunction: {
        readonly id: "invokeFunction";
        readonly method: "post";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/invocations";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
        }, {
            readonly name: "X-Cff-Log-Type";
            readonly in: "header";
            readonly input: "logType";
            readonly rules: {
                readonly enum: readonly ["tail", ""];
            };
        }, {
            readonly name: "X-CFF-Request-Version";
            readonly in: "header";
            readonly input: "requestVersion";
            readonly sentByDefault: "v1";
            readonly rules: {
                readonly enum: readonly ["v0", "v1"];
            };
        }, {
            readonly name: "X-Cff-Instance-Memory";
            readonly in: "header";
            readonly input: "instanceMemory";
            readonly rules: {
                readonly type: "integer";
                readonly enum: readonly [128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 8192, 10240];
            };
        }];
        readonly requestBody: {
            readonly mediaType: "application/json";
            readonly required: true;
            readonly json: true;
            readonly schemaType: "object";
            readonly maxBytes: 6291456;
        };
        readonly responses: readonly [{
            readonly status: "200";
            readonly mediaType: "application/json";
            readonly mediaTypes: readonly ["application/json", "text/plain"];
            readonly schemaType: "object";
            readonly headers: readonly [{
                readonly name: "X-Cff-Request-Id";
                readonly output: "requestId";
            }, {
                readonly name: "X-Cff-Invoke-Summary";
                readonly output: "invokeSummary";
                readonly contentMediaType: "application/json";
            }, {
                readonly name: "X-Cff-Function-Log";
                readonly output: "functionLog";
                readonly contentEncoding: "base64";
            }, {
                readonly name: "X-CFF-Billing-Duration";
                readonly output: "billingDuration";
            }, {
                readonly name: "X-Cff-Response-Version";
                readonly output: "responseVersion";
                readonly enum: readonly ["v0", "v1"];
            }, {
                readonly name: "X-Func-Err-Code";
                readonly output: "functionErrorCode";
                readonly type: "integer";
            }, {
                readonly name: "X-Is-Func-Err";
                readonly output: "isFunctionError";
                readonly type: "boolean";
            }];
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
        readonly responseTimeoutMs: 90000;
    };
    readonly asyncInvokeFunction: {
        readonly id: "asyncInvokeFunction";
        readonly method: "post";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/invocations-async";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
        }, {
            readonly name: "X-Cff-Instance-Memory";
            readonly in: "header";
            readonly input: "instanceMemory";
            readonly rules: {
                readonly type: "integer";
                readonly enum: readonly [128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 8192, 10240];
            };
        }];
        readonly requestBody: {
            readonly mediaType: "application/json";
            readonly required: true;
            readonly json: true;
            readonly schemaType: "object";
            readonly maxBytes: 262144;
        };
        readonly responses: readonly [{
            readonly status: "202";
            readonly mediaType: "application/json";
            readonly schemaType: "object";
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
    };
    readonly listAsyncInvocations: {
        readonly id: "listAsyncInvocations";
        readonly method: "get";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invocations";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
        }, {
            readonly name: "request_id";
            readonly in: "query";
            readonly input: "requestId";
            readonly rules: {
                readonly minLength: 0;
                readonly maxLength: 64;
            };
        }, {
            readonly name: "marker";
            readonly in: "query";
            readonly input: "marker";
        }, {
            readonly name: "limit";
            readonly in: "query";
            readonly input: "limit";
            readonly rules: {
                readonly type: "integer";
                readonly minimum: 1;
                readonly maximum: 500;
            };
        }, {
            readonly name: "status";
            readonly in: "query";
            readonly input: "status";
            readonly rules: {
                readonly enum: readonly ["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"];
            };
        }, {
            readonly name: "query_begin_time";
            readonly in: "query";
            readonly input: "queryBeginTime";
            readonly rules: {
                readonly pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
                readonly patternDescription: "YYYY-MM-DDTHH:mm:ss in UTC, for example 2026-11-30T09:00:00";
            };
        }, {
            readonly name: "query_end_time";
            readonly in: "query";
            readonly input: "queryEndTime";
            readonly rules: {
                readonly pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
                readonly patternDescription: "YYYY-MM-DDTHH:mm:ss in UTC, for example 2026-11-30T09:00:00";
            };
        }];
        readonly responses: readonly [{
            readonly status: "200";
            readonly mediaType: "application/json";
            readonly schemaType: "object";
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
        readonly idempotent: true;
    };
    readonly listActiveAsyncInvocations: {
        readonly id: "listActiveAsyncInvocations";
        readonly method: "get";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
        }, {
            readonly name: "requests";
            readonly in: "query";
            readonly input: "requestIds";
            readonly rules: {
                readonly maxLength: 640;
                readonly pattern: "^[^,]*(,[^,]*){0,9}$";
                readonly patternDescription: "up to 10 request IDs separated by commas";
            };
        }, {
            readonly name: "marker";
            readonly in: "query";
            readonly input: "marker";
        }, {
            readonly name: "limit";
            readonly in: "query";
            readonly input: "limit";
            readonly rules: {
                readonly type: "integer";
                readonly minimum: 1;
                readonly maximum: 500;
            };
        }, {
            readonly name: "status";
            readonly in: "query";
            readonly input: "status";
            readonly rules: {
                readonly enum: readonly ["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"];
            };
        }, {
            readonly name: "query_begin_time";
            readonly in: "query";
            readonly input: "queryBeginTime";
            readonly rules: {
                readonly pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
                readonly patternDescription: "YYYY-MM-DDTHH:mm:ss in UTC, for example 2026-11-30T09:00:00";
            };
        }, {
            readonly name: "query_end_time";
            readonly in: "query";
            readonly input: "queryEndTime";
            readonly rules: {
                readonly pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
                readonly patternDescription: "YYYY-MM-DDTHH:mm:ss in UTC, for example 2026-11-30T09:00:00";
            };
        }];
        readonly responses: readonly [{
            readonly status: "200";
            readonly mediaType: "application/json";
            readonly schemaType: "object";
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
        readonly idempotent: true;
    };
    readonly cancelAsyncInvocation: {
        readonly id: "cancelAsyncInvocation";
        readonly method: "post";
        readonly path: "/v2/{project_id}/fgs/functions/{function_urn}/cancel";
        readonly parameters: readonly [{
            readonly name: "project_id";
            readonly in: "path";
            readonly input: "projectId";
            readonly required: true;
            readonly clientDefault: true;
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
        }];
        readonly requestBody: {
            readonly mediaType: "application/json";
            readonly required: true;
            readonly json: true;
            readonly schemaType: "object";
        };
        readonly responses: readonly [{
            readonly status: "200";
            readonly mediaType: "application/json";
            readonly schemaType: "null";
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
        readonly idempotent: true;
    };
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
            readonly rules: {
                readonly minLength: 1;
                readonly pattern: "^[^/?#%\\s]+$";
                readonly patternDescription: "no / ? # % or whitespace";
            };
        }, {
            readonly name: "function_urn";
            readonly in: "path";
            readonly input: "functionUrn";
            readonly required: true;
            readonly rules: {
                readonly minLength: 1;
                readonly maxLength: 269;
                readonly pattern: "^urn:fss:[a-z0-9]+(-[a-z0-9]+)*:[^:/?#%\\s]+:function:[^:/?#%\\s]+:[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?(:(![^:!/?#%\\s]+|[^:!/?#%\\s]+))?$";
                readonly patternDescription: "urn:fss:<region>:<project_id>:function:<package>:<name>[:<version>|:!<alias>]";
            };
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
            readonly schemaType: "object";
            readonly required: readonly ["instance_id"];
        }];
        readonly security: readonly [readonly ["iamToken"]];
        readonly tokenHeaders: readonly ["X-Auth-Token"];
        readonly deprecated: true;
        readonly deprecation: "asyncInvokeReservedFunction is deprecated; use asyncInvokeFunction instead.";
    };
};
/** Error codes the spec documents (`x-error-codes`), with the status each comes with. The set is open: other codes occur. */
declare const knownErrorCodes: {
    readonly 'APIGW.0201': {
        readonly status: 413;
        readonly description: "The API gateway refuses a request body over 12 MB (from a secondary source).";
    };
    readonly 'APIGW.0301': {
        readonly status: 401;
        readonly description: "The API gateway could not verify an AK/SK signature; the message echoes the canonical request it computed.";
    };
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
/** Where an error body keeps its code and message (`x-error-codes` and `x-error-message` in the spec); empty when the spec marks neither. */
declare const errorFields: {
    readonly code: "error_code";
    readonly message: "error_msg";
};
/** Response headers that carry the request id (those the spec names `requestId`), in the order found. */
declare const requestIdHeaders: readonly ["X-Cff-Request-Id"];
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
    projectId?: NonNullable<InvokeFunctionOperation['parameters']['path']>['project_id'];
}
/** The schema types of POST /v2/{project_id}/fgs/functions/{function_urn}/invocations. */
type InvokeFunctionOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/invocations']['post'];
/** Input of `invokeFunction` (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations). */
interface InvokeFunctionInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<InvokeFunctionOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<InvokeFunctionOperation['parameters']['path']>['function_urn'];
    /**
     * Whether to return the end of the function's log with the answer. The reference documents two
     * values: `tail` returns the last part of the log (Base64 in the `X-Cff-Function-Log` response
     * header), and an empty value returns none (the English page writes "null" for it); leaving the
     * header out is not described separately. The reference contradicts itself on how much is
     * returned: this header's description says 4 KB, the `X-Cff-Function-Log` description says the
     * last 2,000 bytes.
     *
     * Sent as the header parameter `X-Cff-Log-Type`.
     */
    logType?: NonNullable<InvokeFunctionOperation['parameters']['header']>['X-Cff-Log-Type'];
    /**
     * Format of the answer's body: `v1` is JSON (`request_id`, `result`, `log`, `status`), `v0` is
     * text. The reference tells SDKs to send `v1`, so a generated client sends `v1` unless the caller
     * chooses `v0` (`x-ms-client-default`). Which format the server uses when the header is absent is
     * not documented, so the schema states no `default`. The answer says which format it used in
     * `X-Cff-Response-Version`.
     *
     * The client sends `v1` when none is given.
     *
     * Sent as the header parameter `X-CFF-Request-Version`.
     */
    requestVersion?: NonNullable<InvokeFunctionOperation['parameters']['header']>['X-CFF-Request-Version'];
    /**
     * Memory, in MB, of the instance that runs this call, one of the documented sizes. The reference
     * lists the header as a string on the wire; its values are the integers below. For asynchronous
     * invocation the current official SDK sends it, but not every variant of the reference page
     * lists it.
     *
     * Sent as the header parameter `X-Cff-Instance-Memory`.
     */
    instanceMemory?: NonNullable<InvokeFunctionOperation['parameters']['header']>['X-Cff-Instance-Memory'];
    /**
     * The event handed to the function: a JSON object whose keys the caller defines. At most 6 MB
     * (read as 6 MiB, see the operation's description).
     */
    body: NonNullable<InvokeFunctionOperation['requestBody']>['content']['application/json'];
}
/** What `invokeFunction` resolves to: the body of a successful answer. */
type InvokeFunctionResult = InvokeFunctionOperation['responses'][200]['content']['application/json'] | string;
/** The documented response headers of `invokeFunction`, decoded, by client name. */
interface InvokeFunctionResponseHeaders {
    /**
     * ID of this synchronous request.
     *
     * Read from the response header `X-Cff-Request-Id`.
     */
    requestId?: string;
    /**
     * Execution summary of the call: a JSON object in the header value (see `InvokeSummary` for the
     * fields and what is known of their units).
     *
     * Read from the response header `X-Cff-Invoke-Summary` (parsed as application/json).
     */
    invokeSummary?: {
        duration?: number;
        billingDuration?: number;
        memorySize?: number;
        memoryUsed?: number;
        [key: string]: unknown;
    };
    /**
     * The end of the function's log for this call, Base64-encoded; sent only when the request had
     * `X-Cff-Log-Type: tail`. This header's reference text says the last 2,000 bytes of the log; the
     * request header's text says 4 KB.
     *
     * Read from the response header `X-Cff-Function-Log` (base64-decoded).
     */
    functionLog?: string;
    /**
     * Billing information of the call. The reference types it as a string and documents neither its
     * unit nor its format (the summary's `billingDuration` is a number).
     *
     * Read from the response header `X-CFF-Billing-Duration`.
     */
    billingDuration?: string;
    /**
     * Which format the body is in, `v0` (text) or `v1` (JSON).
     *
     * Read from the response header `X-Cff-Response-Version`.
     */
    responseVersion?: 'v0' | 'v1';
    /**
     * Error code of the function's run: `0` when it succeeded. The reference types the header as a
     * string whose value is this integer; it lists no other values.
     *
     * Read from the response header `X-Func-Err-Code`.
     */
    functionErrorCode?: number;
    /**
     * Whether the error, if any, happened inside the user's function (as opposed to the service).
     * The reference types the header as a string and shows no value; it is read as `true` or `false`.
     *
     * Read from the response header `X-Is-Func-Err`.
     */
    isFunctionError?: boolean;
}
/** The body of an error answer to `invokeFunction`, as the spec describes it. */
type InvokeFunctionErrorBody = InvokeFunctionOperation['responses'][400]['content']['application/json'] | InvokeFunctionOperation['responses'][401]['content']['application/json'] | InvokeFunctionOperation['responses'][403]['content']['application/json'] | InvokeFunctionOperation['responses'][404]['content']['application/json'] | InvokeFunctionOperation['responses'][500]['content']['application/json'] | InvokeFunctionOperation['responses'][503]['content']['application/json'] | InvokeFunctionOperation['responses']['default']['content']['application/json'];
/** The schema types of POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async. */
type AsyncInvokeFunctionOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/invocations-async']['post'];
/** Input of `asyncInvokeFunction` (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async). */
interface AsyncInvokeFunctionInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<AsyncInvokeFunctionOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<AsyncInvokeFunctionOperation['parameters']['path']>['function_urn'];
    /**
     * Memory, in MB, of the instance that runs this call, one of the documented sizes. The reference
     * lists the header as a string on the wire; its values are the integers below. For asynchronous
     * invocation the current official SDK sends it, but not every variant of the reference page
     * lists it.
     *
     * Sent as the header parameter `X-Cff-Instance-Memory`.
     */
    instanceMemory?: NonNullable<AsyncInvokeFunctionOperation['parameters']['header']>['X-Cff-Instance-Memory'];
    /** The event handed to the function, a JSON object whose keys the caller defines. At most 256 KB. */
    body: NonNullable<AsyncInvokeFunctionOperation['requestBody']>['content']['application/json'];
}
/** What `asyncInvokeFunction` resolves to: the body of a successful answer. */
type AsyncInvokeFunctionResult = AsyncInvokeFunctionOperation['responses'][202]['content']['application/json'];
/** The documented response headers of `asyncInvokeFunction`, decoded, by client name. */
interface AsyncInvokeFunctionResponseHeaders {
}
/** The body of an error answer to `asyncInvokeFunction`, as the spec describes it. */
type AsyncInvokeFunctionErrorBody = AsyncInvokeFunctionOperation['responses'][400]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][401]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][403]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][404]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][429]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][500]['content']['application/json'] | AsyncInvokeFunctionOperation['responses'][503]['content']['application/json'] | AsyncInvokeFunctionOperation['responses']['default']['content']['application/json'];
/** The schema types of GET /v2/{project_id}/fgs/functions/{function_urn}/async-invocations. */
type ListAsyncInvocationsOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/async-invocations']['get'];
/** Input of `listAsyncInvocations` (GET /v2/{project_id}/fgs/functions/{function_urn}/async-invocations). */
interface ListAsyncInvocationsInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<ListAsyncInvocationsOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<ListAsyncInvocationsOperation['parameters']['path']>['function_urn'];
    /**
     * Only the record of this asynchronous request ID (as returned by `asyncInvokeFunction`), 0 to 64 characters.
     *
     * Sent as the query parameter `request_id`.
     */
    requestId?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['request_id'];
    /**
     * Where the page starts: `0` (the default) for the first page, then the `next_marker` of the
     * previous answer. The reference types it as a string; the official Go SDK types `next_marker` as
     * an integer, so send its decimal form.
     *
     * Sent as the query parameter `marker`.
     */
    marker?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['marker'];
    /**
     * Largest number of records in one answer: at most 500; the server assumes 100 when it is left
     * out. The reference types it as a string on the wire, holding these integers. It gives no
     * minimum; this description asks for at least 1, the smallest page that can hold a record.
     *
     * Sent as the query parameter `limit`.
     */
    limit?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['limit'];
    /**
     * Only records in this status.
     *
     * Sent as the query parameter `status`.
     */
    status?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['status'];
    /**
     * Start of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
     * When left out the server uses one hour before now.
     *
     * Sent as the query parameter `query_begin_time`.
     */
    queryBeginTime?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['query_begin_time'];
    /**
     * End of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
     * When left out the server uses now.
     *
     * Sent as the query parameter `query_end_time`.
     */
    queryEndTime?: NonNullable<ListAsyncInvocationsOperation['parameters']['query']>['query_end_time'];
}
/** What `listAsyncInvocations` resolves to: the body of a successful answer. */
type ListAsyncInvocationsResult = ListAsyncInvocationsOperation['responses'][200]['content']['application/json'];
/** The documented response headers of `listAsyncInvocations`, decoded, by client name. */
interface ListAsyncInvocationsResponseHeaders {
}
/** The body of an error answer to `listAsyncInvocations`, as the spec describes it. */
type ListAsyncInvocationsErrorBody = ListAsyncInvocationsOperation['responses'][403]['content']['application/json'] | ListAsyncInvocationsOperation['responses'][404]['content']['application/json'] | ListAsyncInvocationsOperation['responses'][500]['content']['application/json'] | ListAsyncInvocationsOperation['responses']['default']['content']['application/json'];
/** The schema types of GET /v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations. */
type ListActiveAsyncInvocationsOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations']['get'];
/** Input of `listActiveAsyncInvocations` (GET /v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations). */
interface ListActiveAsyncInvocationsInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['path']>['function_urn'];
    /**
     * Only these asynchronous request IDs: up to 10 IDs separated by commas, at most 640 characters
     * in all. One string on the wire, as the reference defines it (not a repeated parameter).
     *
     * Sent as the query parameter `requests`.
     */
    requestIds?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['requests'];
    /**
     * Where the page starts: `0` (the default) for the first page, then the `next_marker` of the
     * previous answer. The reference types it as a string; the official Go SDK types `next_marker` as
     * an integer, so send its decimal form.
     *
     * Sent as the query parameter `marker`.
     */
    marker?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['marker'];
    /**
     * Largest number of records in one answer: at most 500; the server assumes 100 when it is left
     * out. The reference types it as a string on the wire, holding these integers. It gives no
     * minimum; this description asks for at least 1, the smallest page that can hold a record.
     *
     * Sent as the query parameter `limit`.
     */
    limit?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['limit'];
    /**
     * Only records in this status.
     *
     * Sent as the query parameter `status`.
     */
    status?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['status'];
    /**
     * Start of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
     * When left out the server uses one hour before now.
     *
     * Sent as the query parameter `query_begin_time`.
     */
    queryBeginTime?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['query_begin_time'];
    /**
     * End of the time window, in UTC, as `YYYY-MM-DDTHH:mm:ss` (no zone suffix, no fraction).
     * When left out the server uses now.
     *
     * Sent as the query parameter `query_end_time`.
     */
    queryEndTime?: NonNullable<ListActiveAsyncInvocationsOperation['parameters']['query']>['query_end_time'];
}
/** What `listActiveAsyncInvocations` resolves to: the body of a successful answer. */
type ListActiveAsyncInvocationsResult = ListActiveAsyncInvocationsOperation['responses'][200]['content']['application/json'];
/** The documented response headers of `listActiveAsyncInvocations`, decoded, by client name. */
interface ListActiveAsyncInvocationsResponseHeaders {
}
/** The body of an error answer to `listActiveAsyncInvocations`, as the spec describes it. */
type ListActiveAsyncInvocationsErrorBody = ListActiveAsyncInvocationsOperation['responses'][403]['content']['application/json'] | ListActiveAsyncInvocationsOperation['responses'][404]['content']['application/json'] | ListActiveAsyncInvocationsOperation['responses'][500]['content']['application/json'] | ListActiveAsyncInvocationsOperation['responses']['default']['content']['application/json'];
/** The schema types of POST /v2/{project_id}/fgs/functions/{function_urn}/cancel. */
type CancelAsyncInvocationOperation = paths['/v2/{project_id}/fgs/functions/{function_urn}/cancel']['post'];
/** Input of `cancelAsyncInvocation` (POST /v2/{project_id}/fgs/functions/{function_urn}/cancel). */
interface CancelAsyncInvocationInput {
    /**
     * Project ID, from IAM (see "Obtaining a Project ID" in the Huawei Cloud API reference). Every
     * documented example is 32 lowercase hexadecimal characters, but no format is documented.
     *
     * Defaults to the client's `projectId` option.
     *
     * Sent as the path parameter `project_id`.
     */
    projectId?: NonNullable<CancelAsyncInvocationOperation['parameters']['path']>['project_id'];
    /**
     * Function URN: `urn:fss:<region>:<project_id>:function:<package>:<function_name>`, optionally
     * followed by `:<version>` or `:!<alias>`. Without a version or alias it names the whole
     * function. The shape is assembled from the documented examples; no formal grammar is
     * published. The URN is sent in the path as the reference and the official SDKs send it, with
     * `:` and `!` unescaped.
     *
     * Sent as the path parameter `function_urn`.
     */
    functionUrn: NonNullable<CancelAsyncInvocationOperation['parameters']['path']>['function_urn'];
    /** The request ID of the run to stop and, optionally, how to stop it. */
    body: NonNullable<CancelAsyncInvocationOperation['requestBody']>['content']['application/json'];
}
/** What `cancelAsyncInvocation` resolves to: the body of a successful answer. */
type CancelAsyncInvocationResult = CancelAsyncInvocationOperation['responses'][200]['content']['application/json'];
/** The documented response headers of `cancelAsyncInvocation`, decoded, by client name. */
interface CancelAsyncInvocationResponseHeaders {
}
/** The body of an error answer to `cancelAsyncInvocation`, as the spec describes it. */
type CancelAsyncInvocationErrorBody = CancelAsyncInvocationOperation['responses'][400]['content']['application/json'] | CancelAsyncInvocationOperation['responses'][403]['content']['application/json'] | CancelAsyncInvocationOperation['responses'][404]['content']['application/json'] | CancelAsyncInvocationOperation['responses'][500]['content']['application/json'] | CancelAsyncInvocationOperation['responses']['default']['content']['application/json'];
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
/** The documented response headers of `asyncInvokeReservedFunction`, decoded, by client name. */
interface AsyncInvokeReservedFunctionResponseHeaders {
}
/** The body of an error answer to `asyncInvokeReservedFunction`, as the spec describes it. */
type AsyncInvokeReservedFunctionErrorBody = AsyncInvokeReservedFunctionOperation['responses'][404]['content']['application/json'] | AsyncInvokeReservedFunctionOperation['responses']['default']['content']['application/json'];
/** The body of an error answer to any operation. */
type OperationErrorBody = InvokeFunctionErrorBody | AsyncInvokeFunctionErrorBody | ListAsyncInvocationsErrorBody | ListActiveAsyncInvocationsErrorBody | CancelAsyncInvocationErrorBody | AsyncInvokeReservedFunctionErrorBody;
/** One method per operation of FunctionGraph Function Invocation API 1.0.0. */
interface Operations<TCallOptions> {
    /**
     * Execute a function synchronously
     *
     * Runs the function with the given event and answers when the run is over, with what the
     * function returned.
     *
     * **Answer format.** With `X-CFF-Request-Version: v1` the body is JSON: the request ID, the
     * function's result as a string, its log and an integer status. With `v0` the reference says
     * only that the body is text; this description reads that as `text/plain`, and says nothing of
     * what the text holds because the reference does not.
     *
     * **Function errors.** A function that fails still answers 200: `X-Is-Func-Err`,
     * `X-Func-Err-Code` and the body's `status` say what happened. The 4xx and 5xx statuses are
     * the service's own errors.
     *
     * **Limits.** The request body may be at most 6 MB, and so may the answer. The reference writes
     * "6 MB" without saying whether it means 10^6 or 2^20 bytes; `x-max-body-bytes` takes the
     * permissive reading, 6 MiB (6,291,456 bytes), and lets the server refuse anything in between.
     * The gateway gives no answer to a run that takes longer than 90 seconds
     * (`x-response-timeout-ms`); the reference recommends asynchronous invocation
     * (`asyncInvokeFunction`) for such work.
     *
     * **Headers.** `Content-Type` is required by the reference; it is the request body's media type
     * (`application/json`). The token goes in `X-Auth-Token` (security scheme `iamToken`).
     *
     * `POST /v2/{project_id}/fgs/functions/{function_urn}/invocations`
     * @see {@link https://support.huaweicloud.com/intl/en-us/api-functiongraph/functiongraph_06_0125.html API reference page (functiongraph_06_0125)}
     */
    invokeFunction(input: InvokeFunctionInput, options?: TCallOptions): Promise<InvokeFunctionResult>;
    /**
     * Execute a function asynchronously
     *
     * Queues a run of the function with the given event and answers at once with a request ID,
     * without waiting for the run. A run may last up to 72 hours; a return value over 256 KB is
     * recorded as empty.
     *
     * **Following the run.** The request ID finds the run's record in `listAsyncInvocations` (and,
     * while it runs, in `listActiveAsyncInvocations`), and stops it with `cancelAsyncInvocation`.
     * Records exist only when the function has asynchronous invocation status persistence on
     * (`enable_async_status_log: true` in
     * `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or the console's
     * asynchronous notification policy).
     *
     * **Limits.** The request body may be at most 256 KB, read here as 262,144 bytes
     * (`x-max-body-bytes`).
     *
     * **Errors.** The current reference documents 400, 401, 403, 404, 500 and 503; older pages also
     * show 429 with `FSS.0429`, whose example message is "Function Disabled" although the error code
     * table describes `FSS.0429` as too many concurrent requests.
     *
     * **Headers.** `Content-Type` is required by the reference; it is the request body's media type
     * (`application/json`). `X-Cff-Instance-Memory` is sent by the current official SDK but is not
     * listed on every variant of the reference page.
     *
     * `POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async`
     * @see {@link https://support.huaweicloud.com/intl/en-us/api-functiongraph/functiongraph_06_0126.html API reference page (functiongraph_06_0126)}
     */
    asyncInvokeFunction(input: AsyncInvokeFunctionInput, options?: TCallOptions): Promise<AsyncInvokeFunctionResult>;
    /**
     * List asynchronous invocation records
     *
     * Lists the records of the function's asynchronous invocations in a time window (by default
     * the last hour), one page at a time: filter by request ID or status, page with `marker`,
     * `limit` and the answer's `next_marker`. A record tells whether a run started with
     * `asyncInvokeFunction` is waiting, running, or over, and how it ended.
     *
     * **Status persistence.** Records exist only for a function with asynchronous invocation
     * status persistence on: set `enable_async_status_log: true` with
     * `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or turn it on in the
     * console's asynchronous notification policy. What this API answers for a function without it
     * is not documented.
     *
     * **Query values.** The reference types every query parameter as a string; `limit` holds an
     * integer from the range below and the times are UTC in the `YYYY-MM-DDTHH:mm:ss` form.
     *
     * **Errors.** The reference documents 403, 404 and 500 for this API.
     *
     * **Reference page.** The sources this description follows name this API (the official SDKs
     * call it `ListAsyncInvocations`) but give no reference page ID, so no link is given.
     *
     * `GET /v2/{project_id}/fgs/functions/{function_urn}/async-invocations`
     */
    listAsyncInvocations(input: ListAsyncInvocationsInput, options?: TCallOptions): Promise<ListAsyncInvocationsResult>;
    /**
     * List active asynchronous invocations
     *
     * Lists the function's asynchronous invocations that are still active, with the same filters,
     * paging and answer as `listAsyncInvocations`, except that `requests` (up to 10 request IDs,
     * comma-separated) takes the place of `request_id`. The reference does not define "active"
     * beyond the name; `WAIT` and `RUNNING` are the statuses that are not final.
     *
     * **Status persistence.** As for `listAsyncInvocations`, records exist only for a function with
     * asynchronous invocation status persistence on (`enable_async_status_log: true` with
     * `PUT /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`, or the console's
     * asynchronous notification policy); what this API answers without it is not documented.
     *
     * **Errors.** The reference documents 403, 404 and 500 for this API.
     *
     * **Reference page.** The sources this description follows name this API (the official SDKs
     * call it `ListActiveAsyncInvocations`) but give no reference page ID, so no link is given.
     *
     * `GET /v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations`
     */
    listActiveAsyncInvocations(input: ListActiveAsyncInvocationsInput, options?: TCallOptions): Promise<ListActiveAsyncInvocationsResult>;
    /**
     * Stop an asynchronous invocation
     *
     * Stops a run started with `asyncInvokeFunction`, named by its request ID. `type: recursive`
     * also stops the sub-functions the run invoked; `type: force` ends the function's runtime, and
     * is what the reference advises.
     *
     * **Side effect.** Other requests running on the same instance end too; they report
     * "4208 function invocation canceled".
     *
     * **Repeating it.** This description marks the operation safe to repeat (`x-idempotent`):
     * asking again to stop a run that is already stopping or over asks for nothing new. The
     * reference does not say what a repeated request answers.
     *
     * **Answer.** 200 with the JSON body `null`: the answer carries nothing to read.
     *
     * **Errors.** The reference documents 400 (`FSS.0400`, "Invalid RequestId"), 403, 404 and 500.
     *
     * **Reference page.** The sources this description follows name this API (the official SDKs
     * call it `CancelAsyncInvocation`) but give no reference page ID, so no link is given.
     *
     * `POST /v2/{project_id}/fgs/functions/{function_urn}/cancel`
     */
    cancelAsyncInvocation(input: CancelAsyncInvocationInput, options?: TCallOptions): Promise<CancelAsyncInvocationResult>;
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
     * @deprecated asyncInvokeReservedFunction is deprecated; use asyncInvokeFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async) instead.
     * @see {@link https://support.huaweicloud.com/intl/en-us/api-functiongraph/functiongraph_06_1017.html API reference page (functiongraph_06_1017)}
     */
    asyncInvokeReservedFunction(input: AsyncInvokeReservedFunctionInput, options?: TCallOptions): Promise<AsyncInvokeReservedFunctionResult>;
}
/** The decoded response headers of each operation, by method name. */
interface OperationResponseHeaders {
    invokeFunction: InvokeFunctionResponseHeaders;
    asyncInvokeFunction: AsyncInvokeFunctionResponseHeaders;
    listAsyncInvocations: ListAsyncInvocationsResponseHeaders;
    listActiveAsyncInvocations: ListActiveAsyncInvocationsResponseHeaders;
    cancelAsyncInvocation: CancelAsyncInvocationResponseHeaders;
    asyncInvokeReservedFunction: AsyncInvokeReservedFunctionResponseHeaders;
}
/** Builds the typed methods on top of a runtime that knows how to send a described operation. */
declare function bindOperations<TCallOptions>(invoke: Invoke<TCallOptions>): Operations<TCallOptions>;

/**
 * Response headers as the spec describes them: each documented header of a successful answer is
 * decoded by its schema's words (`contentEncoding: base64` → text, `contentMediaType:
 * application/json` → parsed, `integer`/`number`/`boolean` → parsed) and put under its client
 * name. A header that cannot be decoded never fails the call: it is kept as it arrived, with what
 * was wrong, in `malformed`.
 */

/** Documented headers that could not be decoded, by client name. */
type MalformedHeaders = Record<string, {
    readonly header: string;
    readonly raw: string;
    readonly problem: string;
}>;

/**
 * What the client throws. One base class, so `catch (e) { if (e instanceof FunctionGraphError) }`
 * catches everything this package raises, and a subclass per meaning, so callers can branch on
 * it. `FunctionGraphApiError.from` is the one place a status becomes a class.
 *
 * No error carries request headers or the token; messages quote only what the server sent back
 * and what the caller passed as a non-secret argument.
 */

declare class FunctionGraphError extends Error {
    name: string;
    /** `fields` become the error's properties; subclasses declare them. */
    constructor(message: string, fields?: object, options?: ErrorOptions);
}
/** An argument was wrong; nothing was sent. */
declare class FunctionGraphInputError extends FunctionGraphError {
    name: string;
    /** The argument at fault, as the caller wrote it (`functionUrn`, `body`, `token`, `timeoutMs`, …). */
    readonly argument: string;
    constructor(argument: string, problem: string, options?: ErrorOptions);
}
/** What every error about one call carries. */
interface CallFacts {
    readonly operationId: string;
    /** How many requests were made, retries included. */
    readonly attempts: number;
}
/** No answer arrived: the connection was refused, reset or closed, or the host was not found. `cause` is fetch's error. */
declare class FunctionGraphConnectionError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
    readonly attempts: number;
    /** Whether the request can have reached the server. When `false`, no work can have started. */
    readonly requestMayHaveBeenSent: boolean;
}
/** An attempt took longer than `timeoutMs`, counting both the wait for headers and reading the body. */
declare class FunctionGraphTimeoutError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
    readonly attempts: number;
    readonly timeoutMs: number;
    /** What the last attempt was waiting for. */
    readonly phase: 'response' | 'body';
}
/** The caller's `AbortSignal` fired. `cause` is the signal's reason. */
declare class FunctionGraphAbortError extends FunctionGraphError {
    name: string;
    readonly operationId: string;
}
/** What an error about an answer carries. */
interface AnswerFacts extends CallFacts {
    readonly status: number;
    readonly headers: Headers;
    /** `X-Request-Id` or `X-Cff-Request-Id`, for support tickets. */
    readonly requestId: string | undefined;
    /** The start of the body as it arrived (at most 500 characters): a gateway's HTML page, say. */
    readonly bodyText: string;
}
/**
 * The server answered, but not as the spec says it answers: a success body that is not JSON or
 * lacks a required field, or a redirect (never followed, so the token stays on its host).
 */
declare class FunctionGraphResponseError extends FunctionGraphError implements AnswerFacts {
    name: string;
    readonly operationId: string;
    readonly attempts: number;
    readonly status: number;
    readonly headers: Headers;
    readonly requestId: string | undefined;
    readonly bodyText: string;
}
/** The server answered with an error status (4xx or 5xx). */
declare class FunctionGraphApiError extends FunctionGraphError implements AnswerFacts {
    name: string;
    readonly operationId: string;
    readonly attempts: number;
    readonly status: number;
    readonly headers: Headers;
    readonly requestId: string | undefined;
    readonly bodyText: string;
    /** The error code from the body (`FSS.1051`, `APIGW.0301`, …); known codes complete in editors. */
    readonly errorCode: ErrorCode | undefined;
    /** The error message from the body, for people; its wording varies, so match on `errorCode`. */
    readonly errorMsg: string | undefined;
    /** The parsed body when it was a JSON object. It may not match the spec: check `errorCode` first. */
    readonly body: OperationErrorBody | undefined;
    /** The server's `Retry-After`, in milliseconds, when it sent one. */
    readonly retryAfterMs: number | undefined;
    /** The one factory: the subclass for a status, or this class for statuses without one. */
    static from(message: string, fields: Omit<FunctionGraphApiError, keyof Error>): FunctionGraphApiError;
}
/** 400: the request was malformed (an invalid URN, version or alias, say). */
declare class BadRequestError extends FunctionGraphApiError {
    name: string;
}
/** 401: the token is missing, expired or revoked, or the account lacks access. */
declare class AuthenticationError extends FunctionGraphApiError {
    name: string;
}
/** 403: the token's user may not do this. */
declare class PermissionDeniedError extends FunctionGraphApiError {
    name: string;
}
/** 404: the function, version or alias does not exist. */
declare class NotFoundError extends FunctionGraphApiError {
    name: string;
}
/** 409: the request conflicts with the resource's state. */
declare class ConflictError extends FunctionGraphApiError {
    name: string;
}
/** 413: the request body is too large. */
declare class PayloadTooLargeError extends FunctionGraphApiError {
    name: string;
}
/** 429: too many requests; see `retryAfterMs`. */
declare class RateLimitError extends FunctionGraphApiError {
    name: string;
}
/** 5xx: the service or the gateway in front of it failed. */
declare class ServerError extends FunctionGraphApiError {
    name: string;
}
/** What the errors of `waitForAsyncInvocation` carry. */
interface WaitFacts {
    readonly functionUrn: string;
    readonly requestId: string;
    /** How many times the records were listed. */
    readonly polls: number;
    /** How long the wait lasted, in milliseconds. */
    readonly waitedMs: number;
}
/** An asynchronous invocation ended as `FAIL` or `DISCARD`; the record says why. */
declare class FunctionGraphAsyncInvocationError extends FunctionGraphError implements WaitFacts {
    name: string;
    readonly functionUrn: string;
    readonly requestId: string;
    readonly polls: number;
    readonly waitedMs: number;
    readonly status: 'FAIL' | 'DISCARD';
    /** The record's `error_code`. */
    readonly errorCode: number | undefined;
    /** The record's `error_message`. */
    readonly errorMessage: string | undefined;
    /** The whole record. */
    readonly record: Record<string, unknown>;
}
/** `waitForAsyncInvocation` ran out of time before the run ended; `lastStatus` is the last status seen. */
declare class FunctionGraphWaitTimeoutError extends FunctionGraphError implements WaitFacts {
    name: string;
    readonly functionUrn: string;
    readonly requestId: string;
    readonly polls: number;
    readonly waitedMs: number;
    readonly timeoutMs: number;
    readonly lastStatus: string;
}
/**
 * No record of the request appeared. Records exist only when the function has asynchronous
 * invocation status persistence on; the message says how to turn it on.
 */
declare class FunctionGraphAsyncRecordNotFoundError extends FunctionGraphError implements WaitFacts {
    name: string;
    readonly functionUrn: string;
    readonly requestId: string;
    readonly polls: number;
    readonly waitedMs: number;
}

/**
 * When to try again. An invocation is a POST that starts work, so a blind retry can run a
 * function twice. By default only answers that prove nothing started are retried: a connection
 * that failed before the request was written, and 429 or 503 (the service refused the work).
 * Callers whose function is idempotent may opt in to retrying every 5xx, 408, timeouts and
 * connections lost after the request went out.
 */

interface Backoff {
    /** Delay before the first retry, before jitter. */
    readonly initialDelayMs: number;
    /** Upper bound of any computed delay. */
    readonly maxDelayMs: number;
    /** A `Retry-After` longer than this is not waited for: the error is thrown with `retryAfterMs`. */
    readonly maxRetryAfterMs: number;
}

/**
 * Turning an answer that is not a success into an error that says what arrived: the status, the
 * content type and the first bytes of the body, so an HTML page from a gateway is recognisable.
 */

/** Where an error body keeps its code and message; the generator reads them from the spec. */
interface ErrorBodyFields {
    readonly code?: string;
    readonly message?: string;
}

/**
 * The runtime: sends one described operation and reads its answer. It knows nothing about any
 * endpoint; paths, parameters, rules, security and response shapes all come from the generated
 * operation descriptors. Per call it checks the input before the network, then runs attempts,
 * each with its own timer covering headers and body, retrying only what the policy allows.
 */

/** Options for one call; each overrides the client's setting of the same name. */
interface CallOptions {
    /** Cancels the call at any point: while sending, reading, or waiting to retry. */
    signal?: AbortSignal;
    /** Extra request headers for this call. */
    headers?: Record<string, string>;
    /** Milliseconds each attempt may take, body included; `0` disables the timer. */
    timeoutMs?: number;
    /** How many times to retry a failure the policy allows; `0` disables retries. */
    maxRetries?: number;
    /**
     * Declares the call safe to repeat, so 5xx, 408, timeouts and connections lost after sending
     * are retried too. Operations the spec marks safe (reads, and POSTs marked `x-idempotent`)
     * are treated so without it; `false` turns that off for the call.
     */
    idempotent?: boolean;
}
/** A successful answer with everything around it, for callers who need headers. */
interface ApiResponse<TData, THeaders = Record<string, unknown>> {
    /** The parsed body, typed as the spec describes it. */
    data: TData;
    status: number;
    /** Every header as it arrived. */
    headers: Headers;
    /**
     * The response headers the spec documents, decoded as it says (Base64 text, JSON, numbers,
     * booleans), by client name. A header that arrived but could not be decoded is not here: it is
     * in `malformedHeaders`, kept as it arrived.
     */
    responseHeaders: Partial<THeaders>;
    /** Documented headers that arrived malformed, by client name: the raw value and what was wrong. A successful call never fails for them. */
    malformedHeaders: MalformedHeaders;
    /** `X-Request-Id`, or a header the spec names the request id, when the server sent one. */
    requestId: string | undefined;
    /** The `Deprecation` response header, when the server sent one. */
    deprecation: string | undefined;
    /** The `Sunset` response header: when the server plans to stop answering. */
    sunset: string | undefined;
    /** How many requests were made, retries included. */
    attempts: number;
}
type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Regions the spec's server lists; any other region ID is accepted too. */
type KnownRegion = (typeof servers)[0]['variables']['region']['enum'][number];

/**
 * The answer to `invokeFunction` (FunctionGraph's synchronous invocation), made usable at once:
 * the request id, the function's result as sent and parsed as JSON (never a SyntaxError), the log
 * tail decoded, the invoke summary as named numbers with their units, and whether the function
 * itself failed, as data apart from API errors. Built on the generated method's `ApiResponse`;
 * the runtime decodes the headers the spec describes, this module only names what they mean.
 */

/** The invoke summary (`X-Cff-Invoke-Summary`), with units in the names: the reference's example logs report milliseconds and MB. */
interface InvokeSummary {
    durationMs: number | undefined;
    billingDurationMs: number | undefined;
    memorySizeMb: number | undefined;
    memoryUsedMb: number | undefined;
}
/** What the function itself reported when its run failed; the call to the API succeeded. */
interface FunctionFailure {
    /** `X-Func-Err-Code`: non-zero when the run failed. */
    code: number | undefined;
    /** The `v1` body's `status`. */
    status: number | undefined;
    /** What the function returned, often its error message. */
    result: string | undefined;
}
interface SyncInvocation<T = unknown> {
    /** `X-Cff-Request-Id`, or the body's `request_id`. */
    requestId: string | undefined;
    /** What the function returned, as sent (the `v1` body's `result`, or the whole `v0` text). */
    result: string | undefined;
    /** `result` parsed as JSON and typed as you said; `undefined` when it is not JSON (see `isJson`). */
    json: T | undefined;
    /** Whether `result` is JSON text, so a JSON `null` is told apart from no JSON. */
    isJson: boolean;
    /** The log tail, decoded from Base64; only when the call asked for it (`logType: 'tail'`). */
    log: string | undefined;
    /** The invoke summary in named numbers; `undefined` when absent or malformed (then see `raw`). */
    summary: InvokeSummary | undefined;
    /** Set when the function's run failed (`X-Is-Func-Err`, `X-Func-Err-Code`); the call itself succeeded. */
    functionError: FunctionFailure | undefined;
    /** The `v1` body's `status`: the reference documents no values beyond `200` for a success. */
    status: number | undefined;
    /** The answer's format: `X-Cff-Response-Version`, else what was asked for. */
    version: string | undefined;
    /** Documented headers that arrived malformed, by client name, exactly as they arrived; the call did not fail for them. */
    raw: {
        [K in keyof InvokeFunctionResponseHeaders]?: string;
    };
    /** What was malformed, in words (empty when nothing was). */
    problems: string[];
    /** The whole answer: status, every header, attempts. */
    response: ApiResponse<InvokeFunctionResult, InvokeFunctionResponseHeaders>;
}

/**
 * `createFunctionGraphClient`: the generated operations bound to the generic runtime, plus the
 * FunctionGraph conveniences of `lib/` (the sync result, the async request id, the waiter). This
 * file wires options to the runtime and reads function URNs; what each operation sends comes
 * from its descriptor.
 */

/** Default time one attempt may take, headers and body together, unless the spec says an operation's server may take longer. */
declare const DEFAULT_TIMEOUT_MS = 60000;
/** Default number of retries of a failure the retry policy allows. */
declare const DEFAULT_MAX_RETRIES = 2;
interface FunctionGraphClientOptions extends ClientDefaults {
    /** Full endpoint, e.g. `https://functiongraph.cn-south-1.myhuaweicloud.com`. Takes precedence over `region`. */
    baseUrl?: string;
    /**
     * Region ID; picks the spec's regional endpoint. Without `region` and `baseUrl`, each call goes
     * to the regional endpoint its function URN names.
     */
    region?: KnownRegion | (string & {});
    /**
     * IAM token sent as `X-Auth-Token`: a string, or a function (sync or async) called before
     * every request, so a refreshed token is used without rebuilding the client.
     */
    token?: TokenOption;
    /** A fetch implementation to use instead of `globalThis.fetch`. */
    fetch?: FetchFunction;
    /**
     * Milliseconds each attempt may take, body included; `0` disables the timer. Default 60 000, or
     * longer for an operation whose server may take longer (`invokeFunction`: 100 000, the
     * gateway's 90 s plus 10 s).
     */
    timeoutMs?: number;
    /** Retries of a failure the policy allows (see the README). Default 2; `0` disables retries. */
    maxRetries?: number;
    /**
     * `true` treats every call as safe to repeat, so 5xx, 408, timeouts and connections lost after
     * sending are retried too; `false` treats none so. Default: as the spec says of each operation
     * (the list operations and `cancelAsyncInvocation` are safe to repeat, invocations are not).
     */
    idempotent?: boolean;
    /** Retry delays. Defaults: 500 ms doubling to at most 8 s, with jitter; a `Retry-After` over 60 s is not waited for. */
    backoff?: Partial<Backoff>;
}
/** Each operation, resolving to the full answer (`data`, `status`, `headers`, `responseHeaders`, `requestId`, …) instead of the body alone. */
type WithResponse<TOperations> = {
    [K in keyof TOperations]: TOperations[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<ApiResponse<R, K extends keyof OperationResponseHeaders ? OperationResponseHeaders[K] : Record<string, unknown>>> : never;
};
type FunctionGraphClient = Omit<Operations<CallOptions>, 'invokeFunction' | 'asyncInvokeFunction'> & {
    /**
     * Execute a function synchronously (`POST .../{function_urn}/invocations`) and read the answer:
     * the request id, the result as sent and parsed as JSON typed `T` (never a `SyntaxError`), the
     * log tail (with `logType: 'tail'`), the invoke summary, and whether the function itself failed.
     * Asks for the JSON answer (`requestVersion: 'v1'`) unless you choose `'v0'`.
     */
    invokeFunction<T = unknown>(input: InvokeFunctionInput, options?: CallOptions): Promise<SyncInvocation<T>>;
    /**
     * Execute a function asynchronously (`POST .../{function_urn}/invocations-async`); resolves to
     * the request id (`request_id`, or `requestId` as older pages show), for `waitForAsyncInvocation`.
     */
    asyncInvokeFunction(input: AsyncInvokeFunctionInput, options?: CallOptions): Promise<string>;
    /** The operations as generated, resolving to `ApiResponse` (data plus status, headers, decoded response headers and request id). */
    readonly withResponse: WithResponse<Operations<CallOptions>>;
    /** The endpoint every request goes to; `undefined` when each call's URN picks its region. */
    readonly baseUrl: string | undefined;
};
declare function createFunctionGraphClient(options: FunctionGraphClientOptions): FunctionGraphClient;

/** One record of an asynchronous invocation, as `listAsyncInvocations` lists it. */
type AsyncInvocationRecord = NonNullable<NonNullable<ListAsyncInvocationsResult>['invocations']>[number];
type AsyncInvocationStatus = NonNullable<AsyncInvocationRecord['status']>;
interface AsyncInvocationTarget {
    functionUrn: string;
    /** What `asyncInvokeFunction` resolved to. */
    requestId: string;
    /** Defaults as for every call: the client's `projectId`, else the URN's project. */
    projectId?: string;
}
interface WaitOptions {
    /** The longest the whole wait may take, in ms. Default 600 000 (10 minutes); a run may last up to 72 h. */
    timeoutMs?: number;
    /** Stops the wait at once, between polls or during one: `FunctionGraphAbortError`. */
    signal?: AbortSignal;
    /** The shortest delay between polls, in ms. Default 1 000. */
    minDelayMs?: number;
    /** The longest delay between polls, in ms. Default 15 000. */
    maxDelayMs?: number;
    /**
     * How long to wait for the record to appear at all, in ms, before concluding that the function
     * keeps no records. Default 60 000 (or `timeoutMs`, when shorter).
     */
    recordTimeoutMs?: number;
    /** Records are searched from this time on. Default: one hour before the wait began. */
    since?: Date;
    /** Called whenever the status changes (the first sighting included). */
    onStatus?: (status: AsyncInvocationStatus, record: AsyncInvocationRecord) => void;
}
/** What the waiter needs of a client: the generated `listAsyncInvocations` (any `FunctionGraphClient` has it). */
interface AsyncInvocationLister {
    listAsyncInvocations(input: ListAsyncInvocationsInput, options?: CallOptions): Promise<ListAsyncInvocationsResult>;
}
/**
 * Waits until the asynchronous run `requestId` of `functionUrn` ends: resolves to its record on
 * `SUCCESS`; rejects with `FunctionGraphAsyncInvocationError` on `FAIL` or `DISCARD`,
 * `FunctionGraphWaitTimeoutError` (with the last status seen) when `timeoutMs` runs out,
 * `FunctionGraphAsyncRecordNotFoundError` when no record appears (status persistence off), and
 * `FunctionGraphAbortError` as soon as `signal` fires.
 */
declare function waitForAsyncInvocation(client: AsyncInvocationLister, target: AsyncInvocationTarget, options?: WaitOptions): Promise<AsyncInvocationRecord>;

/**
 * `createRawClient`: openapi-fetch itself, typed by the generated `paths`, for callers who want
 * its `{ data, error, response }` style. It gets the same endpoint choice, token handling, path
 * encoding and no-redirect rule as the main client, but none of its checks, timeouts or retries.
 * It lives apart so the main client's bundle does not carry openapi-fetch.
 */

interface RawClientOptions {
    baseUrl?: string;
    region?: KnownRegion | (string & {});
    token?: TokenOption;
    fetch?: (request: Request) => Promise<Response>;
}
type RawClient = Client<paths>;
declare function createRawClient(options: RawClientOptions): RawClient;

interface FunctionUrnParts {
    region: string;
    projectId: string;
    /** Function name: 1-60 letters, digits, `-` or `_`, starting with a letter and ending with a letter or digit. */
    name: string;
    /** The package; `default` in every documented example. */
    package?: string;
    /** A version such as `latest` or `v1`. Give at most one of `version` and `alias`. */
    version?: string;
    /** An alias such as `prod`, written `:!prod` in the URN. */
    alias?: string;
}
/** Builds a function URN and checks it against the spec's rules; the error names the part at fault. */
declare function functionUrn(parts: FunctionUrnParts): string;
/** Splits a function URN into its parts; throws a `FunctionGraphInputError` when it does not have the documented shape. */
declare function parseFunctionUrn(urn: string): FunctionUrnParts;

declare function encodePathParameter(value: string): string;

export { type ApiResponse, type AsyncInvocationLister, type AsyncInvocationRecord, type AsyncInvocationStatus, type AsyncInvocationTarget, type AsyncInvokeFunctionErrorBody, type AsyncInvokeFunctionInput, type AsyncInvokeFunctionOperation, type AsyncInvokeFunctionResponseHeaders, type AsyncInvokeFunctionResult, type AsyncInvokeReservedFunctionErrorBody, type AsyncInvokeReservedFunctionInput, type AsyncInvokeReservedFunctionOperation, type AsyncInvokeReservedFunctionResponseHeaders, type AsyncInvokeReservedFunctionResult, AuthenticationError, type Backoff, BadRequestError, type CallOptions, type CancelAsyncInvocationErrorBody, type CancelAsyncInvocationInput, type CancelAsyncInvocationOperation, type CancelAsyncInvocationResponseHeaders, type CancelAsyncInvocationResult, type ClientDefaults, ConflictError, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ErrorBodyFields, type ErrorCode, type FetchFunction, type FunctionFailure, FunctionGraphAbortError, FunctionGraphApiError, FunctionGraphAsyncInvocationError, FunctionGraphAsyncRecordNotFoundError, type FunctionGraphClient, type FunctionGraphClientOptions, FunctionGraphConnectionError, FunctionGraphError, FunctionGraphInputError, FunctionGraphResponseError, FunctionGraphTimeoutError, FunctionGraphWaitTimeoutError, type FunctionUrnParts, type HttpMethod, type Invoke, type InvokeFunctionErrorBody, type InvokeFunctionInput, type InvokeFunctionOperation, type InvokeFunctionResponseHeaders, type InvokeFunctionResult, type InvokeSummary, type KnownErrorCode, type KnownRegion, type ListActiveAsyncInvocationsErrorBody, type ListActiveAsyncInvocationsInput, type ListActiveAsyncInvocationsOperation, type ListActiveAsyncInvocationsResponseHeaders, type ListActiveAsyncInvocationsResult, type ListAsyncInvocationsErrorBody, type ListAsyncInvocationsInput, type ListAsyncInvocationsOperation, type ListAsyncInvocationsResponseHeaders, type ListAsyncInvocationsResult, type MalformedHeaders, NotFoundError, type OperationDescriptor, type OperationErrorBody, type OperationResponseHeaders, type Operations, type ParameterDescriptor, PayloadTooLargeError, PermissionDeniedError, RateLimitError, type RawClient, type RawClientOptions, type ResponseDescriptor, type ResponseHeaderDescriptor, type SecuritySchemeDescriptor, type ServerDescriptor, ServerError, type SyncInvocation, type TokenOption, type TokenProvider, type ValueRules, type WaitOptions, type WithResponse, bindOperations, type components, createFunctionGraphClient, createRawClient, encodePathParameter, errorFields, functionUrn, knownErrorCodes, operationDescriptors, type operations, parseFunctionUrn, type paths, requestIdHeaders, securitySchemes, serverTemplates, servers, waitForAsyncInvocation };
