import { TextField, type TextFieldProps } from '@mui/material';
import { type KeyboardEvent, useState } from 'react';

type CommitFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'> & {
  value: string;
  /** Called when the user leaves the field or presses Enter (single-line only) with a changed text. */
  onCommit: (text: string) => void;
};

/**
 * A text field that keeps what is typed locally and hands it over when the user leaves the field or
 * presses Enter, so a half-typed value never reaches the definition. A new `value` from outside
 * (undo, another view) replaces the local text.
 */
export const CommitField = ({ value, onCommit, multiline, ...props }: CommitFieldProps) => {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <TextField
      {...props}
      multiline={multiline}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Enter' && !multiline) {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
};
