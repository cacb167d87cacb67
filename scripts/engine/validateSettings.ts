/**
 * Tags validates every saved settings object against the schema in its extension.json (UI and
 * Reactor API alike). The harness does the same before running, so a property that Tags would
 * refuse to save cannot pass a local run.
 */
import Ajv from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';
// Core's schemas use patterns like ^{{([^}]+)}}$, valid only without the u flag (as Tags compiles them).
import type { ExtensionDescriptor, ModuleDescriptor } from './container';
import type { PropertyDefinition } from './property';

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`).join('; ');
}

export function validatePropertySettings(
  property: PropertyDefinition,
  extensions: readonly ExtensionDescriptor[],
  modules: ReadonlyMap<string, ModuleDescriptor>
): void {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const problems: string[] = [];
  const check = (where: string, schema: Record<string, unknown> | undefined, settings: unknown): void => {
    if (!schema) return;
    const validate = ajv.compile(schema);
    if (!validate(settings ?? {})) problems.push(`${where}: ${describe(validate.errors)}`);
  };
  const moduleOf = (where: string, modulePath: string): ModuleDescriptor | undefined => {
    const module = modules.get(modulePath);
    if (!module) problems.push(`${where}: no installed extension provides the module "${modulePath}"`);
    return module;
  };

  for (const [name, { settings }] of Object.entries(property.extensions)) {
    check(`extension "${name}" configuration`, extensions.find((extension) => extension.name === name)?.configuration?.schema, settings);
  }
  for (const [name, dataElement] of Object.entries(property.dataElements)) {
    const where = `data element "${name}"`;
    check(where, moduleOf(where, dataElement.modulePath)?.feature.schema, dataElement.settings);
  }
  for (const rule of property.rules) {
    for (const [index, component] of [...(rule.conditions ?? []), ...rule.actions].entries()) {
      const where = `rule "${rule.name}" component ${index + 1}`;
      check(where, moduleOf(where, component.modulePath)?.feature.schema, component.settings);
    }
  }
  if (problems.length > 0) throw new Error(`Tags would not save this property:\n- ${problems.join('\n- ')}`);
}
