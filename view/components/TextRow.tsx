/** A text, secret, number or contents field: a text input with the data element button. */
import { TextField } from '@adobe/react-spectrum/TextField';
import { textOf, useFieldController } from '../form/useFieldController';
import { hasToken } from '../form/tokens';
import { plainSecretWarning } from '../form/validateField';
import { DataElementButton, withPickedToken } from './DataElementButton';
import { FieldFrame } from './FieldFrame';
import { fieldHelp } from './FieldHelp';
import { FIELD_WIDTH, type FieldRowProps } from './rowProps';


export function TextRow({ field, path, description }: FieldRowProps) {
  const input = useFieldController(path);
  const value = textOf(input.value);
  const warning = plainSecretWarning(field, value);
  return (
    <FieldFrame path={path}>
      <TextField
        label={field.label}
        name={path}
        // A typed-in secret is masked; a data element token is shown, since it only names the secret.
        type={field.kind === 'secret' && !hasToken(value) ? 'password' : 'text'}
        autoComplete="off"
        width={FIELD_WIDTH}
        isRequired={field.required === true}
        value={value}
        onChange={input.onChange}
        onBlur={input.onBlur}
        description={warning ?? description ?? field.help}
        validationState={input.error ? 'invalid' : undefined}
        errorMessage={input.error}
        contextualHelp={fieldHelp(field)}
      />
      {field.dataElement && (
        <DataElementButton
          label={field.label}
          onPick={(token) => input.onChange(withPickedToken(value, token, field.kind === 'text'))}
        />
      )}
    </FieldFrame>
  );
}
