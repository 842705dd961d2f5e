import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { builder } from '../../../form-logic/index.js';
import { moveTargets, positionOf } from './builder-state.js';

interface MoveToSectionProps {
  model: builder.BuilderModel;
  selected: string;
  /** Moves the selected element to the end of a container. */
  onMove: (container: string, index: number) => void;
}

/** Moves the selected element into another section, tab or step (at its end), by picker and button. */
export const MoveToSection = ({ model, selected, onMove }: MoveToSectionProps) => {
  const own = positionOf(selected)?.container;
  const targets = moveTargets(model, selected).filter((target) => target.id !== own);
  const [choice, setChoice] = useState('');
  const target = targets.find((candidate) => candidate.id === choice) ?? targets[0];
  if (!target) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
      <TextField
        select
        size="small"
        label="Verschieben nach"
        value={`@${target.id}`}
        onChange={(event) => setChoice(event.target.value.slice(1))}
        sx={{ minWidth: 200, flex: 1 }}
      >
        {targets.map((candidate) => (
          // The root's id is empty, which a select takes for „nothing chosen“.
          <MenuItem key={candidate.id} value={`@${candidate.id}`}>
            {candidate.label}
          </MenuItem>
        ))}
      </TextField>
      <Button size="small" onClick={() => onMove(target.id, target.count)}>
        Verschieben
      </Button>
    </Stack>
  );
};
