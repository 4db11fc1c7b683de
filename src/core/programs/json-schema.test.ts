import { describe, expect, it } from 'vitest';
import { programmeJsonSchema } from './schema';

describe('JSON Schema of the programme format', () => {
  // docs/programme.schema.json is generated from the zod schema; `npx vitest run -u src/core/programs` rewrites it.
  it('matches docs/programme.schema.json', async () => {
    const schema = programmeJsonSchema();
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../../docs/programme.schema.json');
  });
});
