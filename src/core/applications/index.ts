export * from './form';
export * from './guards';
export * from './panel-scores';
export * from './publicity';
export * from './schedule';
export * from './workflow';
