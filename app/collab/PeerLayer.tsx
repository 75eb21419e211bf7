// Other participants on the canvas: their cursors and selections (in flow coordinates, drawn at
// screen size), this person's cursor and viewport going out, and follow mode (presenter mode):
// while following someone, this viewport tracks theirs; Escape or clicking their avatar stops.

import { useEffect } from 'react';
import { useInternalNode, useOnViewportChange, useReactFlow, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { usePresence, type PeerPresence } from '../state/presence-store.ts';
import { shareCursor, shareViewport } from './presence.ts';
import { useLive } from './live-store.ts';

function PeerCursor({ peer, zoom }: { peer: PeerPresence; zoom: number }) {
  if (!peer.cursor) return null;
  return (
    <div className="peer-cursor" data-testid="peer-cursor" data-peer={peer.name}
      style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})` }}>
      <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
        <path d="M1 1 L1 16 L5 12 L8 19 L10.5 18 L7.5 11 L13 11 Z" fill={peer.color} stroke="#fff" strokeWidth="1.2" />
      </svg>
      <span className="peer-cursor-name" style={{ background: peer.color }}>{peer.name}</span>
    </div>
  );
}

function PeerSelection({ peer, id, zoom, label }: { peer: PeerPresence; id: string; zoom: number; label: boolean }) {
  const node = useInternalNode(id);
  if (!node) return null;
  const { x, y } = node.internals.positionAbsolute;
  const w = node.measured.width ?? node.width ?? 0;
  const h = node.measured.height ?? node.height ?? 0;
  const pad = 4 / zoom;
  return (
    <div className="peer-selection" data-testid="peer-selection" data-peer={peer.name} data-node={id}
      style={{ left: x - pad, top: y - pad, width: w + 2 * pad, height: h + 2 * pad, borderColor: peer.color, borderWidth: 2 / zoom }}>
      {label && (
        <span className="peer-selection-name" style={{ background: peer.color, transform: `scale(${1 / zoom})`, transformOrigin: '0 100%' }}>
          {peer.name}
        </span>
      )}
    </div>
  );
}

/** Follow mode: this viewport tracks the followed participant's. */
function useFollow(peers: readonly PeerPresence[], following: number | null): void {
  const { setViewport } = useReactFlow();
  const target = following === null ? undefined : peers.find((p) => p.clientId === following)?.viewport;
  useEffect(() => {
    if (target) void setViewport(target, { duration: 0 });
  }, [target?.x, target?.y, target?.zoom, setViewport]); // eslint-disable-line react-hooks/exhaustive-deps
}

export function PeerLayer() {
  const active = useLive((s) => s.active);
  const peers = usePresence((s) => s.peers);
  const following = usePresence((s) => s.following);
  const zoom = useFlowStore((s) => s.transform[2]);
  const domNode = useFlowStore((s) => s.domNode);
  const { screenToFlowPosition, getViewport } = useReactFlow();
  useFollow(peers, following);
  useOnViewportChange({ onChange: (v) => { if (active) shareViewport(v); } });
  useEffect(() => {
    if (!active) return;
    shareViewport(getViewport());
  }, [active, getViewport]);
  useEffect(() => {
    if (!active || !domNode) return;
    const move = (e: PointerEvent) => shareCursor(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    const leave = () => shareCursor(null);
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
    };
  }, [active, domNode, screenToFlowPosition]);
  if (!active || peers.length === 0) return null;
  return (
    <ViewportPortal>
      {peers.flatMap((p) => (p.selection ?? []).slice(0, 50).map((id, i) => <PeerSelection key={`${p.clientId}:${id}`} peer={p} id={id} zoom={zoom} label={i === 0} />))}
      {peers.map((p) => <PeerCursor key={p.clientId} peer={p} zoom={zoom} />)}
    </ViewportPortal>
  );
}
