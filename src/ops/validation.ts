// Validation rules of our own, run with graphql-armor's limits before any execution.
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose root type the schema lacks (a subscription, here) at validation, as a 400
 * with GRAPHQL_VALIDATION_FAILED; graphql-js would otherwise fail it during execution with no code.
 */
export const SupportedOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: [node] }));
  },
});
