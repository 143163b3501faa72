import { z } from 'zod';
import { AlertsConfig } from '../alerts/alert-rules.js';
import { InputError } from '../errors.js';
import { blockingKeyProblem } from './blocking-key-parts.js';

const probability = z.number().min(0).max(1);
const price = z.number().nonnegative();

/** Unit prices in USD. Cost per entity = recorded usage × these (see cost-math). */
export const Prices = z
  .object({
    referenceLookup: price.default(0),
    retrievalQuery: price.default(0.0001),
    pairScored: price.default(0.0001),
    llmCall: price.default(0),
    llmPromptPerMillionTokens: price.default(0.5),
    llmCompletionPerMillionTokens: price.default(1.5),
    computePerHour: price.default(0),
  })
  .strict();
export type Prices = z.output<typeof Prices>;

export const LlmConfig = z
  .object({
    enabled: z.boolean().default(false),
    /** Cases whose best pair score is in [minPairScore, maxPairScore) go to the LLM. */
    minPairScore: probability.default(0.1),
    maxPairScore: probability.default(0.8),
    /** OpenAI-compatible base URL (…/v1); EM_LLM_BASE_URL overrides it. Null: stage 4 is off unless the env sets one. */
    baseUrl: z.string().url().nullable().default(null),
    /** Model name sent as `model`; EM_LLM_MODEL overrides it. */
    model: z.string().min(1).nullable().default(null),
    /** Adjudications in flight at once. */
    maxConcurrency: z.number().int().min(1).max(256).default(4),
    /** Per call (each attempt): no reply within this many ms is a timeout. */
    timeoutMs: z.number().int().positive().default(60_000),
    /** `max_tokens` of each reply. */
    maxCompletionTokens: z.number().int().min(16).max(32_768).default(512),
    temperature: z.number().min(0).max(2).default(0),
    /** Stop calling the endpoint after this many cases in a row fail on it (unreachable, 5xx, timeout); 0: never. */
    circuitBreakerFailures: z.number().int().min(0).max(10_000).default(5),
    /** Per run: once either is spent, remaining cases go to review with the reason. Omitted: no limit. */
    budget: z
      .object({ maxTokens: z.number().int().positive().optional(), maxUsd: z.number().positive().optional() })
      .strict()
      .default({}),
  })
  .strict();
export type LlmConfig = z.output<typeof LlmConfig>;

export const IdentifierTrust = z
  .object({
    /**
     * An identifier hit whose name similarity to the source is below this is not
     * trusted at 1.0: it goes through the pair model instead. 0 trusts every hit.
     */
    minNameSimilarity: probability.default(0.5),
  })
  .strict();

/** Every knob of the cascade, with the deployment guide's defaults. */
export const CascadeConfig = z
  .object({
    autoMatchThreshold: probability.default(0.9),
    pairAcceptThreshold: probability.default(0.8),
    /** A pair-model decision also needs this lead over the runner-up candidate's probability. */
    pairMargin: probability.default(0.1),
    topK: z.number().int().min(1).max(100).default(10),
    batchSize: z.number().int().min(1).max(100_000).default(256),
    identifierTrust: IdentifierTrust.default({ minNameSimilarity: 0.5 }),
    /**
     * Extra candidate channels (blocking rules): each a column both tables have, or parts joined
     * with "+", e.g. "country+first_name_token". Name index, ticker and identifiers are always on.
     * Absent: none (so run configs and their snapshots stay as they were).
     */
    blockingKeys: z
      .array(
        z.string().superRefine((spec, ctx) => {
          const problem = blockingKeyProblem(spec);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .optional(),
    llm: LlmConfig.prefault({}),
    prices: Prices.default({
      referenceLookup: 0,
      retrievalQuery: 0.0001,
      pairScored: 0.0001,
      llmCall: 0,
      llmPromptPerMillionTokens: 0.5,
      llmCompletionPerMillionTokens: 1.5,
      computePerHour: 0,
    }),
    /** Monitoring alerts (`em alerts`, the console's dashboard); absent: the default rules (see alertRules). */
    alerts: AlertsConfig.optional(),
  })
  .strict();
export type CascadeConfig = z.output<typeof CascadeConfig>;
export type CascadeConfigInput = z.input<typeof CascadeConfig>;

/** Configs this module parsed: parsing one again returns it as it is (one parse per command). */
const parsedConfigs = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parse a config, reporting every problem at once with its path. The result is frozen (a config
 * is never changed after it is read: derive a new one with `parseCascadeConfig({...c, …})`), and
 * passing a parsed config returns that same object, so engines may call this on whatever they are
 * given without parsing twice.
 */
export function parseCascadeConfig(input: unknown = {}): CascadeConfig {
  if (typeof input === 'object' && input !== null && parsedConfigs.has(input)) return input as CascadeConfig;
  const parsed = CascadeConfig.safeParse(input ?? {});
  if (parsed.success) {
    const config = deepFreeze(parsed.data);
    parsedConfigs.add(config);
    return config;
  }
  const lines = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `  - ${path}: ${issue.message}`;
  });
  throw new InputError(
    `Invalid cascade config (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
  );
}
