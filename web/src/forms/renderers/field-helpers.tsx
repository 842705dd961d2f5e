import { FormHelperText } from '@mui/material';

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
}

/**
 * Description and error message below a field. Both stay visible (no hide-until-focus) and are
 * referenced by the input's `aria-describedby` (see `fieldDescriptionIds`).
 */
export const FieldHelperTexts = ({ id, description, errors }: FieldHelperTextsProps) => {
  const { descriptionId, errorId } = fieldDescriptionIds(id, description, errors);
  return (
    <>
      {description && (
        <FormHelperText id={descriptionId} sx={{ color: 'text.secondary' }}>
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
