// `GET /api/2.1/jobs/list?name=` filters "based on the exact (case insensitive) job name"
// (Jobs API 2.1 reference; databricks-sdk-go service/jobs ListJobsRequest.Name). The fake answers
// the same way; em must then accept the job whatever the case of its stored name, or a lookup
// misses the job and a second one gets created.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findJobsByName } from '../../src/index.js';
import { engineFor } from '../../src/testing/engine-harness.js';
import { FakeWorkspace } from '../../src/testing/fake-workspace.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
});
afterEach(() => ws.close());

describe('findJobsByName', () => {
  it('finds a job whose stored name differs only in case, as the server does', async () => {
    ws.jobs.set(4242, { name: 'EM - Daily Entity Matching (prod)' });
    ws.jobs.set(4343, { name: 'another job' });
    const http = engineFor(ws).connection.http;
    expect(await findJobsByName(http, 'em - daily entity matching (prod)')).toEqual([4242]);
    expect(ws.server.calls('GET', /jobs\/list$/)[0]!.query.get('name')).toBe(
      'em - daily entity matching (prod)',
    );
  });
});
