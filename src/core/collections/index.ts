/** Collection files: saved calls replayed as tests (`format.ts`, `write.ts`, `compare.ts`). Pure core. */
export * from './format';
export * from './write';
export * from './compare';
export * from './report';
export * from './saved';
