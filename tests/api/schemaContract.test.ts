// The schema is a public contract: committed as schema.graphql, and described in Chinese and
// English on every type, field, argument and enum value.
import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { buildLedgerSchema } from '../../src/server/buildSchema';
import { SCHEMA_FILE, schemaSdl } from '../../src/server/printSchema';

/** Chinese (a CJK character) and English (a Latin word) both present. */
function bilingual(description: string | null | undefined): boolean {
  return !!description && /[\u4e00-\u9fff]/.test(description) && /[A-Za-z]{2,}/.test(description);
}

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!bilingual(description)) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args)
          check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        check(`${type.name}.${field.name}`, field.description);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe('schema contract', () => {
  it('every type, field, argument and enum value has a Chinese and English description', async () => {
    expect(undescribed(await buildLedgerSchema())).toEqual([]);
  });

  it('schema.graphql is what the code generates (run `npm run schema:print` after a change)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaSdl());
  });

  it('the public names of the contract exist', async () => {
    const schema = await buildLedgerSchema();
    const query = schema.getQueryType()!.getFields();
    for (const name of [
      'report',
      'reportById',
      'reports',
      'agencies',
      'node',
      'auditLog',
      'ledgerIntegrity',
    ]) {
      expect(query[name]).toBeDefined();
    }
    expect(query.report.args.map((arg) => arg.name).sort()).toEqual([
      'agency',
      'asOf',
      'atRevision',
      'year',
    ]);
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['importReport', 'setFigures', 'revertChange', 'editNarrative'])
      expect(mutation[name]).toBeDefined();
    const figure = schema.getType('Figure');
    expect(isObjectType(figure) && Object.keys(figure.getFields()).sort()).toEqual(
      expect.arrayContaining([
        'key',
        'label',
        'table',
        'row',
        'column',
        'unit',
        'value',
        'raw',
        'empty',
        'marker',
        'source',
        'revision',
        'lastChange',
        'history',
      ]),
    );
    const report = schema.getType('Report');
    expect(isObjectType(report) && report.getInterfaces().map((i) => i.name)).toEqual(['Node']);
  });
});
