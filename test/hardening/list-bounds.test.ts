// Issue 9, finding 1: every list that can grow with the data is a connection or takes `first`, and every
// other list declares its bound, so the query cost analysis can multiply by it. Walks the served schema.
import { buildASTSchema, parse } from 'graphql';
import { buildSchema, loadTypeDefs } from '../../src/schema';
import { unboundedLists } from './schema-walk';

const withExtra = (sdl: string) => buildASTSchema(parse([...loadTypeDefs(), sdl].join('\n')));
/** What the walk reports for a schema with `sdl` added, beyond what it reports for the served SDL alone. */
const added = (sdl: string) => {
  const before = new Set(unboundedLists(buildASTSchema(parse(loadTypeDefs().join('\n')))));
  return unboundedLists(withExtra(sdl)).filter((p) => !before.has(p));
};

describe('the bounds of the lists', () => {
  it('leaves no list field of the served schema without a connection shape or a declared bound', () => {
    expect(unboundedLists(buildSchema())).toEqual([]);
  });

  it('reports a list field added without a bound, with what to do', () => {
    const problems = added(`extend type Organisation { "Everything." everything: [Organisation!]! }`);
    expect(problems).toEqual([expect.stringMatching(/^Organisation\.everything: a list with no bound \(declare @listSize/)]);
  });

  it('reports a `first` with neither a default nor an assumed size, and a slicing argument that does not exist', () => {
    const problems = added(
      `extend type Organisation {
        "Some." some(first: Int): [Organisation!]! @listSize(slicingArguments: ["first"])
        "Others." others: [Organisation!]! @listSize(slicingArguments: ["first"])
      }`,
    );
    expect(problems).toEqual([
      'Organisation.some: slicing argument "first" has no default and the field no assumedSize',
      'Organisation.others: slicing argument "first" is not an Int argument of the field',
    ]);
  });

  it('reports a connection returned by a field that does not size its edges', () => {
    const problems = added(`extend type Query { "All of them." allOrganisations(first: Int = 20): OrganisationConnection! }`);
    expect(problems).toEqual([
      expect.stringMatching(/^OrganisationConnection\.edges: some fields returning OrganisationConnection do not size it \(Query\.allOrganisations\)/),
    ]);
    const partly = added(
      `extend type Query { "All of them." allOrganisations(first: Int = 20): OrganisationConnection! @listSize(slicingArguments: ["first"]) }`,
    );
    expect(partly).toEqual([
      expect.stringMatching(/^OrganisationConnection\.edges: some fields returning OrganisationConnection do not size it \(Query\.allOrganisations\)/),
    ]);
  });
});
