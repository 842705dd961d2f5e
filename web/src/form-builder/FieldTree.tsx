import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box, IconButton, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { useEffect, useRef } from 'react';
import type { builder } from '../../../form-logic/index.js';
import { elementKind, elementLabel } from './builder-state.js';

interface SortableData {
  container: string;
  index: number;
  count: number;
  label: string;
}

interface FieldTreeProps {
  model: builder.BuilderModel;
  selected: string;
  onSelect: (id: string) => void;
  /** Moves an element to `index` of its own container. */
  onMove: (element: string, container: string, index: number) => void;
  /** The element whose entry gets focus after the next render (changes of `seq` ask again). */
  focusTarget: { id: string; seq: number } | null;
}

const SCREEN_READER_INSTRUCTIONS =
  'Zum Aufnehmen Leertaste oder Eingabetaste drücken. Mit den Pfeiltasten nach oben oder unten verschieben, ' +
  'mit Leertaste oder Eingabetaste ablegen, mit Escape abbrechen.';

const dataOf = (value: unknown): SortableData | undefined =>
  value && typeof value === 'object' && 'container' in value ? (value as SortableData) : undefined;

const announcements: Announcements = {
  onDragStart: ({ active }) => {
    const data = dataOf(active.data.current);
    return data ? `„${data.label}“ aufgenommen, Position ${data.index + 1} von ${data.count}.` : undefined;
  },
  onDragOver: ({ active, over }) => {
    const data = dataOf(active.data.current);
    const target = dataOf(over?.data.current);
    if (!data) return undefined;
    if (!target || target.container !== data.container)
      return `„${data.label}“ ist über keinem passenden Platz.`;
    return `„${data.label}“ ist über Position ${target.index + 1} von ${target.count}.`;
  },
  onDragEnd: ({ active, over }) => {
    const data = dataOf(active.data.current);
    const target = dataOf(over?.data.current);
    if (!data) return undefined;
    if (!target || target.container !== data.container) {
      return `„${data.label}“ abgelegt, aber nicht verschoben: nur innerhalb desselben Bereichs möglich.`;
    }
    return `„${data.label}“ auf Position ${target.index + 1} von ${target.count} abgelegt.`;
  },
  onDragCancel: ({ active }) => {
    const data = dataOf(active.data.current);
    return data ? `Verschieben abgebrochen. „${data.label}“ bleibt an seinem Platz.` : undefined;
  },
};

/**
 * The form's UI tree (sections, steps, tabs, columns and fields) as nested lists. Each entry can be
 * selected and dragged within its container, by pointer or by keyboard (dnd-kit's keyboard sensor).
 */
export const FieldTree = ({ model, selected, onSelect, onMove, focusTarget }: FieldTreeProps) => {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const entries = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    if (focusTarget) entries.current.get(focusTarget.id)?.focus();
  }, [focusTarget]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = dataOf(active.data.current);
    const to = dataOf(over?.data.current);
    if (!from || !to || from.container !== to.container || from.index === to.index) return;
    onMove(String(active.id), from.container, to.index);
  };

  const register = (id: string) => (element: HTMLElement | null) => {
    if (element) entries.current.set(id, element);
    else entries.current.delete(id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
    >
      <List dense disablePadding aria-label="Aufbau des Formulars">
        <ListItem disablePadding sx={{ display: 'block' }}>
          <EntryButton
            node={model.ui}
            model={model}
            selected={selected === model.ui.id}
            onSelect={onSelect}
            register={register}
          />
          <Children
            node={model.ui}
            model={model}
            selected={selected}
            onSelect={onSelect}
            register={register}
          />
        </ListItem>
      </List>
    </DndContext>
  );
};

interface BranchProps {
  node: builder.UiNode;
  model: builder.BuilderModel;
  selected: string;
  onSelect: (id: string) => void;
  register: (id: string) => (element: HTMLElement | null) => void;
}

const Children = ({ node, model, selected, onSelect, register }: BranchProps) => {
  if (node.children.length === 0) return null;
  return (
    <SortableContext items={node.children.map((child) => child.id)} strategy={verticalListSortingStrategy}>
      <List dense disablePadding sx={{ pl: 2 }}>
        {node.children.map((child, index) => (
          <SortableEntry
            key={child.id}
            node={child}
            container={node.id}
            index={index}
            count={node.children.length}
            model={model}
            selected={selected}
            onSelect={onSelect}
            register={register}
          />
        ))}
      </List>
    </SortableContext>
  );
};

const SortableEntry = ({
  node,
  container,
  index,
  count,
  model,
  selected,
  onSelect,
  register,
}: BranchProps & { container: string; index: number; count: number }) => {
  const label = elementLabel(node, model);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: node.id,
      data: { container, index, count, label } satisfies SortableData,
      attributes: { roleDescription: 'verschiebbares Element' },
    });
  return (
    <ListItem
      ref={setNodeRef}
      disablePadding
      sx={{
        display: 'block',
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <IconButton
          ref={setActivatorNodeRef}
          size="small"
          {...attributes}
          {...listeners}
          aria-label={`„${label}“ ziehen oder mit der Tastatur verschieben`}
          sx={{ cursor: 'grab' }}
        >
          <DragIndicatorIcon fontSize="small" aria-hidden="true" />
        </IconButton>
        <EntryButton
          node={node}
          model={model}
          selected={selected === node.id}
          onSelect={onSelect}
          register={register}
        />
      </Box>
      {node.detail && (
        <List dense disablePadding sx={{ pl: 4 }}>
          <ListItem disablePadding sx={{ display: 'block' }}>
            <EntryButton
              node={node.detail}
              model={model}
              selected={selected === node.detail.id}
              onSelect={onSelect}
              register={register}
            />
            <Children
              node={node.detail}
              model={model}
              selected={selected}
              onSelect={onSelect}
              register={register}
            />
          </ListItem>
        </List>
      )}
      <Children node={node} model={model} selected={selected} onSelect={onSelect} register={register} />
    </ListItem>
  );
};

const EntryButton = ({
  node,
  model,
  selected,
  onSelect,
  register,
}: {
  node: builder.UiNode;
  model: builder.BuilderModel;
  selected: boolean;
  onSelect: (id: string) => void;
  register: (id: string) => (element: HTMLElement | null) => void;
}) => {
  const field = node.fieldId ? model.fieldsById.get(node.fieldId) : undefined;
  const extras = [elementKind(node, model)];
  if (field?.required) extras.push('Pflichtfeld');
  if (node.element.rule) extras.push('mit Regel');
  return (
    <ListItemButton
      ref={register(node.id)}
      selected={selected}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(node.id)}
      data-element-id={node.id}
      sx={{ py: 0.25, '&.Mui-focusVisible': { outline: '3px solid #0d47a1' } }}
    >
      <ListItemText
        primary={elementLabel(node, model)}
        secondary={extras.join(' · ')}
        slotProps={{ secondary: { sx: { color: 'text.secondary' } } }}
      />
    </ListItemButton>
  );
};
