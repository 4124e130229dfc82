// The grants contract describes itself: every type, field, argument, enum value and input field of
// graphql/grants.graphql and graphql/activity.graphql has a description.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, visit, type ASTNode } from 'graphql';

const FILES = ['grants.graphql', 'activity.graphql'];

it.each(FILES)('%s has a description on every element', (file) => {
  const doc = parse(readFileSync(join(__dirname, '..', '..', '..', 'graphql', file), 'utf8'));
  const missing: string[] = [];
  const check = (node: ASTNode & { name?: { value: string }; description?: unknown }, where: string) => {
    if (!node.description) missing.push(`${where}${node.name ? node.name.value : ''}`);
  };
  visit(doc, {
    ObjectTypeDefinition: (n) => check(n, 'type '),
    InputObjectTypeDefinition: (n) => check(n, 'input '),
    EnumTypeDefinition: (n) => check(n, 'enum '),
    EnumValueDefinition: (n) => check(n, 'value '),
    FieldDefinition: (n) => check(n, 'field '),
    InputValueDefinition: (n) => check(n, 'argument or input field '),
  });
  expect(missing).toEqual([]);
});
