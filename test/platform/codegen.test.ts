// The generated resolver types follow the SDL: a change to graphql/*.graphql without `npm run codegen`
// fails here (and so in CI), before a resolver can drift from the contract unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen';

const ROOT = join(__dirname, '..', '..');

describe('generated GraphQL types', () => {
  it('src/generated/graphql.ts is what `npm run codegen` writes from the current SDL', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
      expect(outputs.map((o) => o.filename)).toEqual(['src/generated/graphql.ts']);
      const committed = readFileSync(join(ROOT, 'src/generated/graphql.ts'), 'utf8');
      // A failure here means: run `npm run codegen` and commit src/generated/graphql.ts.
      expect(committed).toBe(outputs[0]!.content);
    } finally {
      process.chdir(cwd);
    }
  });
});
