import { FormHelperText } from '@mui/material';
import { visuallyHidden } from '../../app/visually-hidden.js';

/** Ids of a control's description and error texts, and the `aria-describedby` value that joins them. */
export const fieldDescriptionIds = (id: string, description: string | undefined, errors: string) => {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return { descriptionId, errorId, describedBy };
};

interface FieldHelperTextsProps {
  id: string;
  description?: string;
  errors: string;
  /** Only for screen readers (`showUnfocusedDescription: false` while the field is not focused). */
  descriptionHidden?: boolean;
}

/**
 * Description and error message below a field, both referenced by the input's `aria-describedby`
 * (see `fieldDescriptionIds`). The description stays visible unless the UI schema asks to show it
 * only on focus; then it is still in the page for screen readers.
 */
export const FieldHelperTexts = ({
  id,
  description,
  errors,
  descriptionHidden = false,
}: FieldHelperTextsProps) => {
  const { descriptionId, errorId } = fieldDescriptionIds(id, description, errors);
  return (
    <>
      {description && (
        <FormHelperText
          id={descriptionId}
          sx={descriptionHidden ? visuallyHidden : { color: 'text.secondary' }}
        >
          {description}
        </FormHelperText>
      )}
      {errors && (
        <FormHelperText id={errorId} error sx={{ whiteSpace: 'pre-line', fontWeight: 500 }}>
          {errors}
        </FormHelperText>
      )}
    </>
  );
};

/** True for a string or number that holds something (empty strings count as empty). */
export const hasValue = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
