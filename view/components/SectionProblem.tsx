/** A problem that belongs to a whole section (not one field), shown above the section's rows. */
import { useFormState } from 'react-hook-form';
import { Content } from '@adobe/react-spectrum/Content';
import { Heading } from '@adobe/react-spectrum/Heading';
import { InlineAlert } from '@adobe/react-spectrum/InlineAlert';
import type { FormValues } from '../form/section';
import { SECTION_PROBLEM_ATTRIBUTE } from './ExtensionView';

export interface SectionProblemProps {
  /** The error's form path (`consent.euConsent`). */
  readonly path: string;
  readonly heading: string;
  readonly testId: string;
}

/** The message at `path` in the form's errors, if any. */
function errorAt(errors: unknown, path: string): string | undefined {
  const node = path.split('.').reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), errors);
  const message = typeof node === 'object' && node !== null ? (node as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

export function useSectionProblem(path: string): string | undefined {
  const { errors } = useFormState<FormValues>();
  return errorAt(errors, path);
}

export function SectionProblem({ path, heading, testId }: SectionProblemProps) {
  const message = useSectionProblem(path);
  if (message === undefined) return null;
  return (
    <InlineAlert variant="negative" data-testid={testId} {...{ [SECTION_PROBLEM_ATTRIBUTE]: true }}>
      <Heading>{heading}</Heading>
      <Content>{message}</Content>
    </InlineAlert>
  );
}
