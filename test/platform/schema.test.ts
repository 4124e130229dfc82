// The contract describes itself and guards itself: every type, field, argument, enum value and input
// field of the whole SDL has a description, and every root field has a policy (the build checks it).
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { buildSchema, policyTable } from '../../src/schema';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
    if (!type.description?.trim()) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description?.trim() && !isSelfExplaining(arg.name)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    } else if (isScalarType(type) && !type.description) {
      missing.push(`scalar ${type.name}`);
    }
  }
  return missing;
}

/** `id`, `input`, `first` and `after` say what they are; everything else needs words. */
function isSelfExplaining(name: string): boolean {
  return ['id', 'input'].includes(name);
}

describe('the schema', () => {
  const schema = buildSchema();

  it('describes every type, field, argument, enum value and input field', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('declares a policy for every query and mutation, and nothing else', () => {
    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    expect([...policyTable().keys()].sort()).toEqual(roots);
  });
});
