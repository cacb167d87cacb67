/** The data element picker button Adobe's views put next to every field that accepts a token. */
import { ActionButton } from '@adobe/react-spectrum/ActionButton';
import Data from '@spectrum-icons/workflow/Data';
import { pickDataElement } from '../bridge/extensionBridge';

export interface DataElementButtonProps {
  /** The field's label, for the button's accessible name. */
  readonly label: string;
  readonly onPick: (token: string) => void;
}

export function DataElementButton({ label, onPick }: DataElementButtonProps) {
  return (
    <ActionButton
      aria-label={`Pick a data element for ${label}`}
      marginTop="size-300"
      onPress={() => {
        void pickDataElement().then((token) => {
          if (token !== undefined) onPick(token);
        });
      }}
    >
      <Data />
    </ActionButton>
  );
}

/**
 * Where a picked token goes: free text gets it appended (so "order-{{id}}" can be built), every
 * other kind of field holds one value and gets it replaced.
 */
export function withPickedToken(current: string, token: string, append: boolean): string {
  if (!append || current.trim() === '') return token;
  return `${current}${token}`;
}
