/** One REST route: method, path pattern with `{name}` captures, and the operation it serves. */
interface Route {
  readonly method: string;
  readonly path: string;
  readonly operation: string;
}

// Routes as the services' models define them (the SDK schemas' http traits).
const ROUTES: Record<string, readonly Route[]> = {
  securitylake: [
    { method: "GET", path: "/v1/datalakes", operation: "ListDataLakes" },
    { method: "GET", path: "/v1/subscribers", operation: "ListSubscribers" },
    { method: "POST", path: "/v1/datalake/logsources/list", operation: "ListLogSources" },
    { method: "GET", path: "/v1/datalake/organization/configuration", operation: "GetDataLakeOrganizationConfiguration" },
    { method: "POST", path: "/v1/subscribers", operation: "CreateSubscriber" },
  ],
  lakeformation: [
    { method: "POST", path: "/GetDataLakeSettings", operation: "GetDataLakeSettings" },
    { method: "POST", path: "/ListPermissions", operation: "ListPermissions" },
  ],
  ram: [
    { method: "POST", path: "/getresourceshares", operation: "GetResourceShares" },
    { method: "POST", path: "/listprincipals", operation: "ListPrincipals" },
    { method: "POST", path: "/listresources", operation: "ListResources" },
  ],
  accessanalyzer: [
    { method: "GET", path: "/analyzer", operation: "ListAnalyzers" },
    { method: "POST", path: "/findingv2", operation: "ListFindingsV2" },
  ],
};

/** The SDK folder name of a REST-JSON service from its SigV4 signing name. */
export const REST_JSON_SIGNING_NAMES: Record<string, string> = {
  securitylake: "securitylake",
  lakeformation: "lakeformation",
  ram: "ram",
  "access-analyzer": "accessanalyzer",
};

/** Finds the operation a method and path name; undefined when the fake has no such route. */
export function matchRoute(service: string, method: string, path: string): string | undefined {
  return ROUTES[service]?.find((route) => route.method === method && route.path === path)?.operation;
}

/** Reads REST-JSON input members: the query string plus the JSON body. */
export function restJsonParams(url: URL, body: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  if (body.trim().startsWith("{")) Object.assign(params, JSON.parse(body) as Record<string, unknown>);
  return params;
}
