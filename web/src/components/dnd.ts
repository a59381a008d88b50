// Drag-and-drop pieces the board and sprint planning share (dnd-kit): keyboard moves that jump
// from drop zone to drop zone, and collision detection that follows the pointer when there is one.

import { pointerWithin, rectIntersection } from '@dnd-kit/core';
import type { CollisionDetection, KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys (left/right, or up/down too with `vertical`) move the dragged element to the next
 * drop zone in `order`. Keyboard coordinates are the element's top-left in the viewport, so it is
 * placed in the middle of the zone, within its height.
 */
export function zoneCoordinates(order: () => string[]): KeyboardCoordinateGetter {
  return (event, { currentCoordinates, context }) => {
    const { collisionRect, droppableRects } = context;
    const forward = event.code === 'ArrowRight' || event.code === 'ArrowDown';
    const backward = event.code === 'ArrowLeft' || event.code === 'ArrowUp';
    if (!collisionRect || (!forward && !backward)) return undefined;
    event.preventDefault();
    const { width, height } = collisionRect;
    const zones = order().flatMap((id) => {
      const rect = droppableRects.get(id);
      return rect ? [rect] : [];
    });
    const centre = { x: currentCoordinates.x + width / 2, y: currentCoordinates.y + height / 2 };
    const here = zones.findIndex((rect) => centre.x >= rect.left && centre.x <= rect.left + rect.width && centre.y >= rect.top && centre.y <= rect.top + rect.height);
    const target = zones[here === -1 ? (forward ? 0 : zones.length - 1) : here + (forward ? 1 : -1)];
    if (!target) return undefined;
    const top = Math.max(target.top, Math.min(currentCoordinates.y, target.top + target.height - height));
    return { x: target.left + Math.max(0, (target.width - width) / 2), y: top };
  };
}

/** Space picks up and drops, Escape cancels (Enter is left to the links and buttons on a card). */
export const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

/** The pointer's zone when there is a pointer; the dragged element's overlap for the keyboard. */
export const followPointer: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};
