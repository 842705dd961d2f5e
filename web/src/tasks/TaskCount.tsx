import { Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import { myTaskCountQuery } from './api.js';

/** The id of the count, which the navigation link names with aria-describedby. */
export const TASK_COUNT_ID = 'anzahl-offene-aufgaben';

/**
 * The number of open tasks beside the navigation entry „Meine Aufgaben“, counted again on every page
 * change (acting on a task changes it). Nothing while unknown or when the request fails.
 */
export const TaskCount = () => {
  const location = useLocation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(myTaskCountQuery, {}, { signal: controller.signal }).then(
      (data) => setCount(data.myTasks.totalCount),
      () => undefined,
    );
    return () => controller.abort();
  }, [location.key]);
  if (count === null) return null;
  return (
    <Box
      component="span"
      id={TASK_COUNT_ID}
      data-testid="task-count"
      sx={{
        ml: 0.75,
        px: 0.75,
        borderRadius: 8,
        fontSize: '0.8125rem',
        fontWeight: 600,
        bgcolor: 'common.white',
        color: 'primary.dark',
      }}
    >
      {count}
      <Box component="span" sx={visuallyHidden}>
        {count === 1 ? ' offene Aufgabe' : ' offene Aufgaben'}
      </Box>
    </Box>
  );
};
