import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, forceLinting, lintGutter, linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { Box } from '@mui/material';
import { useEffect, useRef } from 'react';
import type { FieldError } from '../../../form-logic/index.js';
import { sameJson } from '../forms/stable-json.js';
import { locatePointer, parseProblem } from './json-locate.js';

export interface JsonCodeEditorProps {
  /** Accessible name of the editor. */
  label: string;
  /** Id of the text that describes the editor (how to leave it with the keyboard). */
  describedBy?: string;
  value: unknown;
  /** Called with the parsed document after each change that is valid JSON. */
  onChange: (value: unknown) => void;
  /** Problems of the server's check, with JSON Pointers into this document. */
  problems: FieldError[];
}

const format = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * A CodeMirror 6 editor for one JSON document, with JSON syntax errors and the server check's
 * problems as lint marks. Tab is not bound, so it still moves the focus out of the editor.
 */
export const JsonCodeEditor = ({ label, describedBy, value, onChange, problems }: JsonCodeEditorProps) => {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, problems, value });
  useEffect(() => {
    latest.current = { onChange, problems, value };
  });

  useEffect(() => {
    const diagnostics = (editor: EditorView): Diagnostic[] => {
      const text = editor.state.doc.toString();
      const parseFailure = parseProblem(text);
      if (parseFailure) return [{ ...parseFailure, severity: 'error' }];
      return latest.current.problems.map((problem) => ({
        ...locatePointer(text, problem.path),
        severity: 'error',
        message: problem.message,
      }));
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: format(latest.current.value),
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          indentOnInput(),
          syntaxHighlighting(defaultHighlightStyle),
          json(),
          // No scrolling region inside the page: long lines wrap, the editor grows with its text.
          EditorView.lineWrapping,
          lintGutter(),
          linter(diagnostics, { delay: 400 }),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({
            'aria-label': label,
            ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            try {
              const parsed: unknown = JSON.parse(update.state.doc.toString());
              if (!sameJson(parsed, latest.current.value)) latest.current.onChange(parsed);
            } catch {
              // Shown as a lint mark; the definition keeps its last valid state.
            }
          }),
          EditorView.theme({
            '&': { fontSize: '0.875rem', border: '1px solid #767676', borderRadius: '4px' },
            '&.cm-focused': { outline: '3px solid #0d47a1' },
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [label, describedBy]);

  // A change from elsewhere (the other editor, the builder): replace the text unless it already says so.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const text = editor.state.doc.toString();
    let current: unknown;
    try {
      current = JSON.parse(text);
    } catch {
      current = undefined;
    }
    if (current !== undefined && !sameJson(current, value)) {
      editor.dispatch({ changes: { from: 0, to: text.length, insert: format(value) } });
    }
  }, [value]);

  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [problems]);

  return <Box ref={host} data-testid={`json-editor-${label}`} />;
};
