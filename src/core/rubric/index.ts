export * from './answers';
export * from './checks';
export * from './evaluate';
export * from './metrics';
export * from './problems';
export * from './schema';
export * from './summary';
export * from './validate';
