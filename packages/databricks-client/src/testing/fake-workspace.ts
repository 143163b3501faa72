import { parseDittoRecord } from '@em/core/text';
import { FakeServer, type RecordedRequest, type Reply } from './fake-server.js';
import { FakeWarehouse, type Param } from './fake-warehouse.js';
import { fixture, rawFixture } from './fixtures.js';

export const PAT = 'dapi-fake-pat-0123456789';
export const CLIENT = { id: 'sp-client-id', secret: 'dose-fake-secret-0123456789' };

export interface FakeWorkspaceOptions {
  /** Polls a statement stays PENDING before it succeeds (0: the POST answers with the result). */
  readonly pendingPolls?: number;
  /** Rows per result chunk (default: all in one). */
  readonly chunkRows?: number;
  readonly tokenLifetimeS?: number;
}

const tokens = (name: string) => new Set(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
function jaccard(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared === 0 ? 0 : shared / (x.size + y.size - shared);
}
const field = (record: string, attribute: string) =>
  parseDittoRecord(record).find((f) => f.attribute === attribute)?.value ?? '';
const cell = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));

/**
 * A Databricks workspace on a local port: OAuth token endpoint, SQL Statement Execution (over a
 * FakeWarehouse), Vector Search query (token overlap over bronze reference), Model Serving
 * invocations (Ditto pairs), Foundation Model chat, Jobs and Workspace. Replies follow the
 * fixtures in src/__fixtures__; tests script failures with `server.once(…)`.
 */
export class FakeWorkspace {
  readonly warehouse = new FakeWarehouse();
  readonly validTokens = new Set<string>([PAT]);
  readonly jobs = new Map<number, unknown>();
  readonly files = new Map<string, string>();
  /** Ditto pair → probability (or any prediction value); default: name token overlap. */
  scorePair: (left: string, right: string) => unknown = (l, r) =>
    jaccard(field(l, 'company_name'), field(r, 'company_name'));
  /** Chat request body → assistant message content. */
  chat: (body: any) => string = () => fixture<any>('foundation-model-chat').choices[0].message.content;
  private issued = 0;
  private nextJob = 1000;
  private readonly statements = new Map<string, { polls: number; reply: any }>();

  private constructor(
    readonly server: FakeServer,
    private readonly options: FakeWorkspaceOptions,
  ) {}

  static async start(options: FakeWorkspaceOptions = {}): Promise<FakeWorkspace> {
    const ws = new FakeWorkspace(await FakeServer.start(), options);
    ws.install();
    return ws;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /**
   * As the workspace answers: no bearer token at all is a 401 from the gateway as an HTML page
   * (the `<pre>` form databricks-sdk-go `apierr/errors.go` unknownAPIError parses); a token it
   * does not accept (expired, revoked, rotated, never issued) is a 403 "Invalid access token."
   * with the error_code as a string (the SDKs read it as "int or string").
   */
  private authed(handler: (r: RecordedRequest) => Reply | Promise<Reply>) {
    return (r: RecordedRequest): Reply | Promise<Reply> => {
      const token = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
      if (!token) {
        return {
          status: 401,
          headers: { 'content-type': 'text/html;charset=utf-8' },
          body: rawFixture('error-401-unauthorized.html'),
        };
      }
      return this.validTokens.has(token)
        ? handler(r)
        : { status: 403, body: fixture('error-403-invalid-access-token') };
    };
  }

  private install(): void {
    const s = this.server;
    s.route('POST', /^\/oidc\/v1\/token$/, (r) => {
      const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64');
      const form = new URLSearchParams(r.text);
      if (
        r.headers.authorization !== `Basic ${basic}` ||
        form.get('grant_type') !== 'client_credentials' ||
        form.get('scope') !== 'all-apis'
      ) {
        return {
          status: 401,
          body: { error: 'invalid_client', error_description: 'Client authentication failed' },
        };
      }
      const token = `oauth-access-token-${++this.issued}`;
      this.validTokens.add(token);
      return {
        body: {
          ...fixture<any>('oidc-token'),
          access_token: token,
          expires_in: this.options.tokenLifetimeS ?? 3600,
        },
      };
    });
    s.route(
      'POST',
      /^\/api\/2\.0\/sql\/statements$/,
      this.authed((r) => this.submit(r.body)),
    );
    s.route(
      'GET',
      /^\/api\/2\.0\/sql\/statements\/[^/]+$/,
      this.authed((r) => this.poll(r.path.split('/').at(-1)!)),
    );
    s.route(
      'GET',
      /^\/api\/2\.0\/sql\/statements\/[^/]+\/result\/chunks\/\d+$/,
      this.authed((r) => this.chunk(r.path)),
    );
    s.route(
      'POST',
      /^\/api\/2\.0\/vector-search\/indexes\/[^/]+\/query$/,
      this.authed((r) => this.vectorQuery(r.body)),
    );
    s.route(
      'POST',
      /^\/serving-endpoints\/[^/]+\/invocations$/,
      this.authed((r) => this.invoke(r.body)),
    );
    s.route(
      'POST',
      /^\/api\/2\.0\/workspace\/mkdirs$/,
      this.authed(() => ({ body: {} })),
    );
    s.route(
      'POST',
      /^\/api\/2\.0\/workspace\/import$/,
      this.authed((r) => {
        this.files.set(r.body.path, Buffer.from(r.body.content, 'base64').toString('utf8'));
        return { body: {} };
      }),
    );
    s.route(
      'GET',
      /^\/api\/2\.1\/jobs\/list$/,
      this.authed((r) => ({
        body: {
          jobs: [...this.jobs]
            // "A filter on the list based on the exact (case insensitive) job name" (Jobs API 2.1).
            .filter(
              ([, st]: [number, any]) =>
                String(st.name).toLowerCase() === String(r.query.get('name') ?? '').toLowerCase(),
            )
            .map(([job_id, settings]) => ({ job_id, settings })),
          has_more: false,
        },
      })),
    );
    s.route(
      'POST',
      /^\/api\/2\.1\/jobs\/create$/,
      this.authed((r) => {
        const id = this.nextJob++;
        this.jobs.set(id, r.body);
        return { body: { job_id: id } };
      }),
    );
    s.route(
      'POST',
      /^\/api\/2\.1\/jobs\/reset$/,
      this.authed((r) => {
        if (!this.jobs.has(r.body.job_id))
          return {
            status: 400,
            body: { error_code: 'INVALID_PARAMETER_VALUE', message: `Job ${r.body.job_id} does not exist.` },
          };
        this.jobs.set(r.body.job_id, r.body.new_settings);
        return { body: {} };
      }),
    );
    s.route(
      'POST',
      /^\/api\/2\.1\/jobs\/run-now$/,
      this.authed(() => ({ body: { run_id: 92831774502, number_in_job: 92831774502 } })),
    );
    s.route(
      'GET',
      /^\/api\/2\.1\/jobs\/runs\/get$/,
      this.authed(() => ({ body: fixture('jobs-runs-get-terminated') })),
    );
  }

  private submit(body: any): Reply {
    const id = `stmt-${this.statements.size + 1}`;
    let reply: any;
    try {
      const result = this.warehouse.execute(String(body.statement), (body.parameters ?? []) as Param[]);
      const data = result.rows.map((row) => result.columns.map((c) => cell(row[c.name])));
      const chunkRows = this.options.chunkRows ?? Math.max(1, data.length);
      const chunks: (string | null)[][][] = [];
      for (let i = 0; i < data.length; i += chunkRows) chunks.push(data.slice(i, i + chunkRows));
      reply = {
        statement_id: id,
        status: { state: 'SUCCEEDED' },
        manifest: {
          format: 'JSON_ARRAY',
          schema: {
            column_count: result.columns.length,
            columns: result.columns.map((c, position) => ({ ...c, type_text: c.type_name, position })),
          },
          total_chunk_count: chunks.length,
          total_row_count: data.length,
          truncated: false,
        },
        result: {
          chunk_index: 0,
          row_offset: 0,
          row_count: chunks[0]?.length ?? 0,
          data_array: chunks[0] ?? [],
          ...(chunks.length > 1 ? { next_chunk_index: 1 } : {}),
        },
        chunks,
      };
    } catch (error) {
      reply = { ...fixture('sql-statement-failed'), statement_id: id };
      reply.status.error.message = (error as Error).message;
    }
    this.statements.set(id, { polls: this.options.pendingPolls ?? 0, reply });
    return this.poll(id);
  }

  private poll(id: string): Reply {
    const entry = this.statements.get(id);
    if (!entry) return { status: 404, body: fixture('error-404-not-found') };
    if (entry.polls > 0) {
      entry.polls--;
      return { body: { ...fixture<any>('sql-statement-pending'), statement_id: id } };
    }
    const { chunks: _, ...reply } = entry.reply;
    return { body: reply };
  }

  private chunk(path: string): Reply {
    const [, id, n] = /statements\/([^/]+)\/result\/chunks\/(\d+)$/.exec(path)!;
    const chunks = this.statements.get(id!)!.reply.chunks as unknown[][];
    const index = Number(n);
    return {
      body: {
        chunk_index: index,
        data_array: chunks[index],
        ...(index + 1 < chunks.length ? { next_chunk_index: index + 1 } : {}),
      },
    };
  }

  private vectorQuery(body: any): Reply {
    const columns: string[] = body.columns;
    const country = body.filters_json ? JSON.parse(body.filters_json).country : undefined;
    const rows = [...this.warehouse.bronze.reference.values()]
      .filter((r) => country === undefined || r.country === country)
      .map((r) => ({ r, score: jaccard(String(body.query_text ?? ''), String(r.company_name)) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || String(a.r.ciq_id).localeCompare(String(b.r.ciq_id)))
      .slice(0, body.num_results ?? 10);
    const base = fixture<any>('vector-search-query');
    return {
      body: {
        ...base,
        manifest: {
          column_count: columns.length + 1,
          columns: [...columns, 'score'].map((name) => ({ name })),
        },
        result: {
          row_count: rows.length,
          data_array: rows.map(({ r, score }) => [...columns.map((c) => r[c] ?? null), score]),
        },
      },
    };
  }

  private invoke(body: any): Reply {
    if (Array.isArray(body.dataframe_records)) {
      return {
        body: {
          predictions: body.dataframe_records.map((p: { left: string; right: string }) =>
            this.scorePair(p.left, p.right),
          ),
        },
      };
    }
    const reply = fixture<any>('foundation-model-chat');
    reply.choices[0].message.content = this.chat(body);
    return { body: reply };
  }
}
