import { DatabricksEngine, type DatabricksEngineOptions } from '../index.js';
import { fakeRuntime } from './fake-runtime.js';
import { type FakeWorkspace, PAT } from './fake-workspace.js';

/** An engine talking to the fake workspace over a real socket: PAT auth, Statement Execution, virtual clock. */
export function engineFor(
  ws: FakeWorkspace,
  options: Partial<DatabricksEngineOptions> = {},
): DatabricksEngine {
  return DatabricksEngine.open({
    host: ws.url,
    token: PAT,
    warehouseId: 'wh-fake',
    env: {},
    runtime: fakeRuntime(),
    http: { timeoutMs: 5_000 },
    statementExecution: { pollIntervalMs: 250 },
    vectorSearchIndex: 'entity_matching.models.reference_index',
    servingEndpoint: 'em-ditto',
    ...options,
  });
}
