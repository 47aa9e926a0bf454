export * from './mysfit-description';
export * from './seed-mysfits';
export * from './tables';
