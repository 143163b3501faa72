export { type BlockingKey, blockingKeyFunctions, parseBlockingKey } from './blocking-keys.js';
export { type ChannelCoverage, ChannelRetriever, type NameRetriever } from './channel-retriever.js';
export { type ChannelKey, KeyChannel } from './key-channel.js';
