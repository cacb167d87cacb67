// @vitest-environment jsdom
/**
 * The views cannot drift from the field registry or the manifest: every registry field has an
 * input in its view, and whatever the view lets the user save passes extension.json's schema
 * (checked for literal values, data element tokens, and random form values).
 */
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Provider } from '@adobe/react-spectrum/Provider';
import { defaultTheme } from '@adobe/react-spectrum/defaultTheme';
import { ACTION_FIELDS, CONFIGURATION_FIELDS, type FieldDefinition } from '../../src/fields/registry';
import { SendWebEventView } from '../../view/actions/sendWebEvent/SendWebEventView';
import { ConfigurationView } from '../../view/configuration/ConfigurationView';
import { ATTRIBUTE_DATA_TYPES, type FieldValue } from '../../view/form/formValues';
import type { FormValues } from '../../view/form/section';
import { installFakeBridge } from './fakeBridge';
import { actionSchemaErrors, actionView, configurationSchemaErrors, configurationView, type ViewForms } from './support';

afterEach(cleanup);

async function renderView(view: ReactElement, initInfo: Parameters<ReturnType<typeof installFakeBridge>['init']>[0]) {
  const bridge = installFakeBridge();
  const { container } = render(<Provider theme={defaultTheme}>{view}</Provider>);
  await bridge.init(initInfo);
  return { bridge, container };
}

function expectInputFor(container: HTMLElement, path: string) {
  const row = container.querySelector(`[data-field-path="${path}"]`);
  expect(row, `no row for ${path}`).not.toBeNull();
  // Pickers render a hidden <select> for forms; every other field has an <input>.
  expect(row?.querySelector('input, select'), `no input for ${path}`).not.toBeNull();
}

describe('every registry field has an input in its view', () => {
  it('configuration view (token renewal switched on)', async () => {
    const { container } = await renderView(<ConfigurationView />, {
      settings: { advertiserId: '1', clientId: 'c', refreshToken: '{{refresh}}', clientSecret: '{{secret}}' }
    });
    for (const field of CONFIGURATION_FIELDS) expectInputFor(container, `${field.section}.${field.key}`);
  });

  it('action view', async () => {
    const { container } = await renderView(<SendWebEventView />, { settings: null, extensionSettings: { region: 'NA' } });
    for (const field of ACTION_FIELDS) expectInputFor(container, `${field.section}.${field.key}`);
  });

  it('the view saves what the form shows after init', async () => {
    const settings = { event: { name: 'Purchase', actionSource: 'WEBSITE' }, user: { email: '{{email}}' }, dryRun: true };
    const { bridge } = await renderView(<SendWebEventView />, { settings, extensionSettings: { region: 'NA' } });
    await expect(bridge.validate()).resolves.toBe(true);
    await expect(bridge.getSettings()).resolves.toEqual(settings);
  });
});

// --- form values: literal, token and random ----------------------------------------------------

const TOKEN = fc.constantFrom('{{Some Element}}', '{{cart items}}', '{{ order id }}');
const MIXED_TOKEN = fc.constantFrom('order-{{id}}', '{{first}} {{last}}');

/** Values a user could plausibly type for a field, good and bad. */
function valueArbitrary(field: FieldDefinition): fc.Arbitrary<FieldValue> {
  const empty = fc.constant('');
  const junk = fc.string({ maxLength: 12 });
  switch (field.kind) {
    case 'boolean':
      return fc.oneof(fc.boolean(), TOKEN, MIXED_TOKEN, junk);
    case 'number':
      return fc.oneof(
        empty,
        TOKEN,
        MIXED_TOKEN,
        fc.double({ min: -5, max: 1e6, noNaN: true }).map(String),
        fc.integer({ min: -3, max: 50 }).map(String),
        junk
      );
    case 'enum':
      return fc.oneof(
        empty,
        TOKEN,
        fc.constantFrom(...(field.options ?? []).flatMap((option) => [option.value, option.label.toUpperCase(), ` ${option.label} `])),
        junk
      );
    case 'contents':
      return fc.oneof(empty, TOKEN, MIXED_TOKEN, fc.constantFrom('[]', '[{"contentId":"sku_1","price":1}]', '[1]', '{}'), junk);
    case 'attributes': {
      const row = fc.record({
        name: fc.oneof(fc.constantFrom('coupon', 'bad name', ''), TOKEN, junk),
        value: fc.oneof(fc.constantFrom('SUMMER', '2', '2.5', ''), TOKEN, junk),
        dataType: fc.constantFrom('' as const, ...ATTRIBUTE_DATA_TYPES)
      });
      return fc.record({
        mode: fc.constantFrom('rows' as const, 'dataElement' as const),
        rows: fc.array(row, { maxLength: 13 }),
        dataElement: fc.oneof(empty, TOKEN, MIXED_TOKEN)
      });
    }
    default:
      return fc.oneof(
        empty,
        TOKEN,
        MIXED_TOKEN,
        fc.constantFrom(
          'Default_Events',
          '1234567890123',
          'amzn1.application-oa2-client.0123456789abcdef',
          '2026-05-01T10:00:00Z',
          'en-US',
          'user@example.com',
          '+15555550100',
          '203.0.113.7',
          '2001:db8::1',
          'customer_42'
        ),
        junk
      );
  }
}

/**
 * Form values with a few fields (at most eight) changed from a new form's defaults: changing every
 * field at once would almost never give a form the view accepts, and the property needs many.
 */
function formValuesArbitrary(
  view: ViewForms,
  baseSettings: Record<string, unknown>,
  fields: readonly FieldDefinition[],
  extra: Record<string, fc.Arbitrary<FieldValue>>
) {
  const base = view.init({ settings: baseSettings });
  const changeArbitraries = [
    ...Object.entries(extra).map(([path, arbitrary]) => arbitrary.map((value) => [path, value] as const)),
    ...fields.map((field) => valueArbitrary(field).map((value) => [`${field.section}.${field.key}`, value] as const))
  ];
  const changes = fc.uniqueArray(fc.integer({ min: 0, max: changeArbitraries.length - 1 }), { maxLength: 8 }).chain((indexes) =>
    fc.tuple(...indexes.map((index) => changeArbitraries[index] ?? fc.constant(['', ''] as const)))
  );
  return changes.map((list) => {
    const values: FormValues = structuredClone(base);
    for (const [path, value] of list) {
      const [section, key] = path.split('.') as [string, string];
      values[section] = { ...values[section], [key]: value };
    }
    return values;
  });
}

describe('a view never saves settings the manifest schema rejects', () => {
  it('configuration: literal values and data element tokens', () => {
    const literal = configurationView.init({
      settings: { pixelCode: 'Default_Events', accessToken: '{{token}}', advertiserId: '123', clientId: 'amzn1.client', region: 'FE', api: 'legacy' }
    });
    expect(configurationSchemaErrors(configurationView.settings(literal))).toEqual([]);
    const tokens = configurationView.init({
      settings: { pixelCode: '{{set}}', advertiserId: '{{adv}}', clientId: '{{client}}', refreshToken: '{{refresh}}', clientSecret: '{{secret}}' }
    });
    expect(configurationView.errors(tokens)).toEqual({});
    expect(configurationSchemaErrors(configurationView.settings(tokens))).toEqual([]);
  });

  it('action: data element tokens in every field', () => {
    const settings: Record<string, Record<string, unknown>> = {};
    for (const field of ACTION_FIELDS) {
      if (field.section === 'customAttributes' || field.section === 'options') continue;
      settings[field.section] = { ...settings[field.section], [field.key]: `{{${field.label}}}` };
    }
    const values = actionView.init({ settings: { ...settings, customAttributes: '{{attributes}}', dryRun: '{{dry run}}' } });
    expect(actionView.errors(values)).toEqual({});
    const saved = actionView.settings(values);
    expect(saved.customAttributes).toBe('{{attributes}}');
    expect(saved.dryRun).toBe('{{dry run}}');
    expect(actionSchemaErrors(saved)).toEqual([]);
  });

  it.each([
    [
      'configuration',
      configurationView,
      { accessToken: '{{token}}', advertiserId: '123', clientId: 'amzn1.client' },
      CONFIGURATION_FIELDS,
      configurationSchemaErrors,
      { 'tokenRenewal.enabled': fc.boolean() }
    ],
    ['action', actionView, { event: { name: 'Purchase' }, user: { email: '{{email}}' } }, ACTION_FIELDS, actionSchemaErrors, {}]
  ] as const)('%s: random form values that pass the view pass the schema', (_name, view, baseSettings, fields, schemaErrors, extra) => {
    const regions = fc.constantFrom('NA', 'EU', 'FE');
    let accepted = 0;
    fc.assert(
      fc.property(formValuesArbitrary(view, baseSettings, fields, extra), regions, (values, region) => {
        const initInfo = { settings: null, extensionSettings: { region } };
        if (Object.keys(view.errors(values, initInfo)).length > 0) return;
        accepted += 1;
        expect(schemaErrors(view.settings(values))).toEqual([]);
      }),
      { numRuns: 600, seed: 20261203 }
    );
    // The property means something only if the view accepted a fair share of the random forms.
    expect(accepted).toBeGreaterThan(100);
  });
});
