/**
 * Owns the bridge registration for a view: the Tags UI calls `init` with the saved settings,
 * `validate` when the user saves, then `getSettings`. The form state lives in react-hook-form;
 * the sections provide initial values, settings and validation.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { Flex } from '@adobe/react-spectrum/Flex';
import { registerView, type InitInfo } from '../bridge/extensionBridge';
import { toFormErrors } from '../form/errors';
import { initialValues, settingsOf, validationOf, type FormValues, type SectionForm } from '../form/section';

const InitInfoContext = createContext<InitInfo>({ settings: null });

/** Marks a section-level problem (not tied to one input) for revealFirstProblem. */
export const SECTION_PROBLEM_ATTRIBUTE = 'data-validation-problem';

/**
 * The Tags UI only says that the view is invalid, and the action form is long: scroll the first
 * problem into view. (Focus stays where the user left it, on the Tags UI's Save button.)
 */
function revealFirstProblem(): void {
  document.querySelector(`[aria-invalid="true"], [${SECTION_PROBLEM_ATTRIBUTE}]`)?.scrollIntoView({ block: 'center' });
}

/** What the Tags UI passed to `init` (for rules that depend on the extension configuration). */
export function useInitInfo(): InitInfo {
  return useContext(InitInfoContext);
}

export interface ExtensionViewProps {
  readonly sections: readonly SectionForm[];
  readonly children: ReactNode;
}

export function ExtensionView({ sections, children }: ExtensionViewProps) {
  const [initInfo, setInitInfo] = useState<InitInfo | undefined>();
  const initInfoRef = useRef<InitInfo>({ settings: null });
  // After the first save attempt every change re-validates the whole form, so rules that span
  // fields (access token or renewal pair, EU consent) clear as soon as they are satisfied.
  const validatedRef = useRef(false);
  // Counts failed validations; each one scrolls to the first problem once the errors are rendered.
  const [revealRequests, setRevealRequests] = useState(0);

  const resolver: Resolver<FormValues> = (values) => {
    const errors = validationOf(sections, values, initInfoRef.current);
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: toFormErrors<FormValues>(errors) };
  };
  const methods = useForm<FormValues>({ mode: 'onTouched', resolver });

  useEffect(() => {
    registerView({
      init(info) {
        initInfoRef.current = info;
        validatedRef.current = false;
        methods.reset(initialValues(sections, info));
        setInitInfo(info);
      },
      getSettings: () => settingsOf(sections, methods.getValues()),
      async validate() {
        validatedRef.current = true;
        const valid = await methods.trigger();
        if (!valid) setRevealRequests((count) => count + 1);
        return valid;
      }
    });
    const subscription = methods.watch(() => {
      if (validatedRef.current) void methods.trigger();
    });
    return () => subscription.unsubscribe();
    // Registered once, on mount: the bridge keeps the first registration.
  }, []);

  useEffect(() => {
    if (revealRequests > 0) revealFirstProblem();
  }, [revealRequests]);

  if (!initInfo) return null;
  return (
    <InitInfoContext.Provider value={initInfo}>
      <FormProvider {...methods}>
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          <Flex direction="column" gap="size-300" marginX="size-300" marginY="size-200">
            {children}
          </Flex>
        </form>
      </FormProvider>
    </InitInfoContext.Provider>
  );
}
