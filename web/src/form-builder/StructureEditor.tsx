import { Box, Button, Stack, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { builder, type FormDefinition } from '../../../form-logic/index.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { AddElementDialog } from './AddElementDialog.js';
import {
  elementIdAt,
  elementLabel,
  idAfterMove,
  insertionPoint,
  keysInContainer,
  positionOf,
  removeEmptyElement,
} from './builder-state.js';
import { FieldTree } from './FieldTree.js';
import { MoveToSection } from './MoveToSection.js';

interface StructureEditorProps {
  definition: FormDefinition;
  model: builder.BuilderModel;
  /** The selected element (`''` = the form itself). */
  selected: string;
  /** Selects an element; `keepFeedback` keeps the alert about the action that led there. */
  onSelect: (id: string, keepFeedback?: boolean) => void;
  /** Applies an operation; false when it was refused (the page shows why in `feedback`). */
  applyOp: (op: builder.Op) => boolean;
  /** A change made here without an operation (an added element, a removed empty section). */
  onChange: (definition: FormDefinition) => void;
  onProblem: (message: string) => void;
  /** Says something in the page's live region. */
  announce: (text: string) => void;
  focusTarget: { id: string; seq: number } | null;
  focusEntry: (id: string) => void;
  /** The alert about the last action here, if any. */
  feedback: ReactNode;
}

/**
 * „Aufbau“: the tree of sections and fields with adding, removing and moving (buttons, „Verschieben
 * nach“, drag and drop by pointer or keyboard). Focus follows the element that was added or moved.
 */
export const StructureEditor = ({
  definition,
  model,
  selected,
  onSelect,
  applyOp,
  onChange,
  onProblem,
  announce,
  focusTarget,
  focusEntry,
  feedback,
}: StructureEditorProps) => {
  const [dialog, setDialog] = useState<'field' | 'layout' | 'remove' | null>(null);
  const selectedNode = model.uiById.get(selected) ?? model.ui;

  const move = (element: string, container: string, index: number) => {
    const node = model.uiById.get(element);
    if (!node || !applyOp({ op: 'moveElement', element, container, index })) return;
    const moved = idAfterMove(element, container, index);
    const from = positionOf(element);
    const target = model.uiById.get(container);
    const count = (target?.children.length ?? 0) + (from?.container === container ? 0 : 1);
    onSelect(moved, true);
    announce(
      from?.container === container
        ? `„${elementLabel(node, model)}“ verschoben: Position ${index + 1} von ${count}.`
        : `„${elementLabel(node, model)}“ nach „${target ? elementLabel(target, model) : 'Formular'}“ verschoben: Position ${index + 1} von ${count}.`,
    );
    return moved;
  };

  const moveBy = (delta: -1 | 1) => {
    const position = positionOf(selected);
    if (!position) return;
    move(selected, position.container, position.index + delta);
  };

  const fieldTarget = insertionPoint(model, selected);
  const layoutTarget =
    selectedNode.layout === 'tabs' || selectedNode.layout === 'steps'
      ? { container: selectedNode.id }
      : fieldTarget;

  const addElement: Parameters<typeof AddElementDialog>[0]['onAdd'] = (input) => {
    const target = input.mode === 'field' ? fieldTarget : layoutTarget;
    const containerNode = model.uiById.get(target.container);
    const index = target.index ?? containerNode?.children.length ?? 0;
    const op: builder.Op =
      input.mode === 'field'
        ? {
            op: 'addField',
            container: target.container,
            index,
            key: input.key,
            kind: input.kind,
            title: input.title,
          }
        : {
            op: 'addLayout',
            container: target.container,
            index,
            kind: input.kind,
            ...(input.label ? { label: input.label } : {}),
          };
    const result = builder.apply(definition, op);
    if (result.problems.length > 0) return result.problems;
    onChange(result.definition);
    const id = elementIdAt(target.container, index);
    onSelect(id);
    setDialog(null);
    focusEntry(id);
    announce(
      input.mode === 'field'
        ? `Feld „${input.title}“ hinzugefügt.`
        : `${builder.KIND_LABELS[input.kind]} hinzugefügt.`,
    );
    return [];
  };

  const remove = async () => {
    const node = model.uiById.get(selected);
    if (!node) return;
    const label = elementLabel(node, model);
    const position = positionOf(selected);
    if (node.fieldId) {
      if (!applyOp({ op: 'removeField', field: node.fieldId })) {
        setDialog(null);
        return;
      }
    } else {
      const result = removeEmptyElement(definition, selected);
      if (result.problem) {
        onProblem(result.problem);
        setDialog(null);
        return;
      }
      onChange(result.definition);
    }
    setDialog(null);
    const next = position
      ? position.index > 0
        ? elementIdAt(position.container, position.index - 1)
        : position.container
      : '';
    onSelect(next);
    focusEntry(next);
    announce(`„${label}“ entfernt.`);
  };

  const position = positionOf(selected);
  const siblings = position ? (model.uiById.get(position.container)?.children.length ?? 0) : 0;

  return (
    <Box>
      <Typography variant="h2" component="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        Aufbau
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
        <Button size="small" variant="outlined" onClick={() => setDialog('field')}>
          Feld hinzufügen
        </Button>
        <Button size="small" variant="outlined" onClick={() => setDialog('layout')}>
          Bereich hinzufügen
        </Button>
        <Button size="small" disabled={!position || position.index === 0} onClick={() => moveBy(-1)}>
          Nach oben
        </Button>
        <Button size="small" disabled={!position || position.index >= siblings - 1} onClick={() => moveBy(1)}>
          Nach unten
        </Button>
        <Button size="small" color="error" disabled={!position} onClick={() => setDialog('remove')}>
          Entfernen
        </Button>
      </Stack>
      {position && (
        <MoveToSection
          key={selected}
          model={model}
          selected={selected}
          onMove={(container, index) => {
            const moved = move(selected, container, index);
            if (moved) focusEntry(moved);
          }}
        />
      )}
      {feedback}
      <FieldTree
        model={model}
        selected={selected}
        onSelect={(id) => onSelect(id)}
        onMove={(element, container, index) => {
          const moved = move(element, container, index);
          if (moved) focusEntry(moved);
        }}
        focusTarget={focusTarget}
      />
      {dialog === 'field' || dialog === 'layout' ? (
        <AddElementDialog
          mode={dialog}
          inTabBar={
            dialog === 'layout' &&
            ['tabs', 'steps'].includes(model.uiById.get(layoutTarget.container)?.layout ?? '')
          }
          takenKeys={keysInContainer(model, fieldTarget.container)}
          onAdd={addElement}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'remove' && (
        <ConfirmDialog
          title="Element entfernen"
          text={`„${elementLabel(selectedNode, model)}“ entfernen? ${selectedNode.fieldId ? 'Das Feld wird auch aus den Daten des Entwurfs entfernt.' : ''}`}
          confirmLabel="Entfernen"
          onConfirm={remove}
          onClose={() => setDialog(null)}
        />
      )}
    </Box>
  );
};
