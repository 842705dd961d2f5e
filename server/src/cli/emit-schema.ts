import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printGraphQLSchema } from '../schema.js';

/** Writes schema.graphql (committed, so API changes show in review). */
await writeFile('schema.graphql', await printGraphQLSchema());
console.log('schema.graphql geschrieben');
