import { EmError } from '@em/core';
import { DatabricksApiError } from '../errors.js';
import type { DatabricksHttp } from '../http/databricks-http.js';
import { waitFor } from '../http/wait-for.js';

export interface ServingEndpointSpec {
  readonly endpointName: string;
  /** Unity Catalog model, catalog.schema.model. */
  readonly modelName: string;
  /** Alias that names the version to serve. Default `champion`. */
  readonly alias?: string;
  readonly workloadSize?: 'Small' | 'Medium' | 'Large';
  readonly workloadType?: string;
  readonly scaleToZero?: boolean;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

interface EndpointReply {
  readonly state?: { readonly ready?: string; readonly config_update?: string };
  readonly config?: {
    readonly served_entities?: readonly { entity_name?: string; entity_version?: string }[];
  };
}

/** The version a Unity Catalog alias points to (`GET /api/2.1/unity-catalog/models/{name}/aliases/{alias}`). */
export async function modelVersionForAlias(
  http: DatabricksHttp,
  modelName: string,
  alias: string,
): Promise<string> {
  const reply = await http.call<{ version?: unknown }>({
    method: 'GET',
    path: `/api/2.1/unity-catalog/models/${encodeURIComponent(modelName)}/aliases/${encodeURIComponent(alias)}`,
  });
  if (reply.version === undefined || reply.version === null) {
    throw new EmError(
      `Model ${modelName} has no version behind alias "${alias}"; run notebooks/02_train_ditto.py to register one.`,
    );
  }
  return String(reply.version);
}

export function servedEntities(spec: ServingEndpointSpec, version: string) {
  return [
    {
      name: `${spec.modelName.split('.').at(-1)}-${version}`,
      entity_name: spec.modelName,
      entity_version: version,
      workload_size: spec.workloadSize ?? 'Small',
      scale_to_zero_enabled: spec.scaleToZero ?? true,
      ...(spec.workloadType ? { workload_type: spec.workloadType } : {}),
    },
  ];
}

/**
 * Serve the model version behind the alias: create the endpoint, or update its config when it
 * serves another version, then wait until it is READY and NOT_UPDATING. Returns the version served.
 */
export async function deployServingEndpoint(
  http: DatabricksHttp,
  spec: ServingEndpointSpec,
): Promise<{ version: string; changed: boolean }> {
  const version = await modelVersionForAlias(http, spec.modelName, spec.alias ?? 'champion');
  const path = `/api/2.0/serving-endpoints/${encodeURIComponent(spec.endpointName)}`;
  let current: EndpointReply | null;
  try {
    current = await http.call<EndpointReply>({ method: 'GET', path });
  } catch (error) {
    if (!(DatabricksApiError.isInstance(error) && error.status === 404)) throw error;
    current = null;
  }
  const entities = servedEntities(spec, version);
  const serving = current?.config?.served_entities ?? [];
  const upToDate = serving.some(
    (e) => e.entity_name === spec.modelName && String(e.entity_version) === version,
  );
  if (current === null) {
    await http.call({
      method: 'POST',
      path: '/api/2.0/serving-endpoints',
      body: { name: spec.endpointName, config: { served_entities: entities } },
    });
  } else if (!upToDate) {
    await putConfigWhenIdle(http, spec, path, entities);
  }
  await waitUntilServing(http, spec, path, `${spec.modelName} v${version}`);
  return { version, changed: current === null || !upToDate };
}

const conflict = (error: unknown) => DatabricksApiError.isInstance(error) && error.status === 409;

/**
 * PUT the new config. While another config update is in progress the API refuses with 409
 * (RESOURCE_CONFLICT); then wait for that update to end and try again, a few times.
 */
async function putConfigWhenIdle(
  http: DatabricksHttp,
  spec: ServingEndpointSpec,
  path: string,
  entities: ReturnType<typeof servedEntities>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await http.call({ method: 'PUT', path: `${path}/config`, body: { served_entities: entities } });
      return;
    } catch (error) {
      if (!conflict(error) || attempt >= 5) throw error;
      await waitFor(
        http.runtime,
        async () => {
          const ep = await http.call<EndpointReply>({ method: 'GET', path });
          return ep.state?.config_update === 'IN_PROGRESS' ? undefined : ep;
        },
        {
          what: `the pending config update of serving endpoint ${spec.endpointName} to finish`,
          intervalMs: spec.pollMs ?? 15_000,
          timeoutMs: spec.timeoutMs ?? 45 * 60_000,
        },
      );
    }
  }
}

/** Wait until READY and NOT_UPDATING; UPDATE_FAILED and UPDATE_CANCELED fail at once. */
async function waitUntilServing(
  http: DatabricksHttp,
  spec: ServingEndpointSpec,
  path: string,
  target: string,
) {
  await waitFor(
    http.runtime,
    async () => {
      const ep = await http.call<EndpointReply>({ method: 'GET', path });
      const update = ep.state?.config_update;
      if (update === 'UPDATE_FAILED' || update === 'UPDATE_CANCELED') {
        throw new EmError(
          `Serving endpoint ${spec.endpointName} did not update to ${target} (${update}); see its events in the Serving UI, then run the setup again.`,
        );
      }
      return ep.state?.ready === 'READY' && update === 'NOT_UPDATING' ? ep : undefined;
    },
    {
      what: `serving endpoint ${spec.endpointName} to be READY`,
      intervalMs: spec.pollMs ?? 15_000,
      timeoutMs: spec.timeoutMs ?? 45 * 60_000,
    },
  );
}
