// The base operations of the schema (00-base.graphql).
import { PUBLIC } from '../auth/policy';
import type { AppModule } from './module';

export const systemModule: AppModule = {
  name: 'system',
  policies: { Query: { apiVersion: PUBLIC }, Mutation: { ping: PUBLIC } },
  resolvers: {
    Query: { apiVersion: () => '1' },
    Mutation: { ping: () => true },
  },
};
