export * from './certificate-number';
export * from './cross-checks';
export * from './document-number';
export * from './enums';
export * from './load';
export * from './queries';
export * from './schema';
