import { TopK } from './top-k.js';

/** Slack on bounds so float rounding never prunes a document that belongs in the top k. */
export const SLACK = 1e-9;

/** The k best so far and the k-th best score less slack (the heap root once the top is full). */
export class Leaders {
  readonly top: TopK;
  theta = Number.NEGATIVE_INFINITY;
  constructor(readonly k: number) {
    this.top = new TopK(k);
  }
  offer(doc: number, score: number): void {
    this.top.offer(doc, score);
    if (this.top.size === this.k) this.theta = this.top.scores[0]! - SLACK;
  }
}
