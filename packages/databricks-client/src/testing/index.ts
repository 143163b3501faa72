// @em/databricks-client/testing: a local stand-in for a Databricks workspace (REST routes, a
// SQL warehouse that understands em's statements, Vector Search, Model Serving, Jobs) and an
// engine wired to it, for tests of anything built on the Databricks engine.
export { engineFor } from './engine-harness.js';
export { fakeRuntime } from './fake-runtime.js';
export { FakeServer, type RecordedRequest, type Reply } from './fake-server.js';
export { FakeWarehouse } from './fake-warehouse.js';
export { FakeWorkspace, PAT } from './fake-workspace.js';
export { fixture } from './fixtures.js';
