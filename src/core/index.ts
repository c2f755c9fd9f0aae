export * from './clock';
export * from './ids';
export * from './errors';
export * from './envelope';
export { closest, didYouMean } from './suggest';
export * from './transientRetry';
