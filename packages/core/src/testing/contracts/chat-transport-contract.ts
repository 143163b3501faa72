import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatTransport } from '../../index.js';

export interface ChatTransportHarness {
  readonly transport: ChatTransport;
  readonly model: string;
  close?(): Promise<void>;
}

export function describeChatTransportContract(name: string, make: () => Promise<ChatTransportHarness>): void {
  describe(`ChatTransport contract: ${name}`, () => {
    let harness: ChatTransportHarness;
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => harness?.close?.());

    it('returns the reply text, token usage and model; a JSON schema yields JSON', async () => {
      const reply = await harness.transport.complete({
        model: harness.model,
        temperature: 0,
        maxTokens: 200,
        messages: [
          { role: 'system', content: 'You match company records. Answer with JSON only.' },
          {
            role: 'user',
            content:
              'Is "Apple Computer Inc." the same company as candidate IQ24937 "Apple Inc."? Pick the candidate id or null.',
          },
        ],
        jsonSchema: {
          name: 'adjudication',
          schema: {
            type: 'object',
            properties: {
              choice: { type: ['string', 'null'] },
              confidence: { type: 'number' },
              reasoning: { type: 'string' },
            },
            required: ['choice', 'confidence', 'reasoning'],
            additionalProperties: false,
          },
        },
      });
      expect(reply.content.length).toBeGreaterThan(0);
      expect(() => JSON.parse(reply.content)).not.toThrow();
      expect(reply.usage.promptTokens).toBeGreaterThan(0);
      expect(reply.usage.completionTokens).toBeGreaterThan(0);
      expect(reply.model.length).toBeGreaterThan(0);
    });
  });
}
