import { Handle, Position } from '@xyflow/react';

/** Drag from the right dot to another node's left dot to draw an intent ("allow this flow"). */
export function ConnectHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="connect-handle" />
      <Handle type="source" position={Position.Right} className="connect-handle" title="Drag to another node to allow a flow" />
    </>
  );
}
