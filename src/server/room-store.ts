// Durable state of the collaboration server in one SQLite file (better-sqlite3): the rooms
// (with the hashes of their two access keys, never the keys) and the latest Yjs state of each
// shared document. WAL mode, so several server processes on one host (the Redis deployment)
// can share the file.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface RoomRecord {
  id: string;
  editorKeyHash: string;
  reviewerKeyHash: string;
  createdAt: string;
}

export class RoomStore {
  private db: Database.Database;
  private getRoomStmt: Database.Statement<[string], { id: string; editor_key_hash: string; reviewer_key_hash: string; created_at: string }>;
  private insertRoomStmt: Database.Statement<[string, string, string, string]>;
  private getDocStmt: Database.Statement<[string], { data: Buffer }>;
  private putDocStmt: Database.Statement<[string, Buffer, string]>;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.db = new Database(join(dir, 'netpol-collab.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY, editor_key_hash TEXT NOT NULL, reviewer_key_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL);
    `);
    this.getRoomStmt = this.db.prepare('SELECT id, editor_key_hash, reviewer_key_hash, created_at FROM rooms WHERE id = ?');
    this.insertRoomStmt = this.db.prepare('INSERT OR IGNORE INTO rooms (id, editor_key_hash, reviewer_key_hash, created_at) VALUES (?, ?, ?, ?)');
    this.getDocStmt = this.db.prepare('SELECT data FROM documents WHERE name = ?');
    this.putDocStmt = this.db.prepare('INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at');
  }

  room(id: string): RoomRecord | undefined {
    const r = this.getRoomStmt.get(id);
    return r && { id: r.id, editorKeyHash: r.editor_key_hash, reviewerKeyHash: r.reviewer_key_hash, createdAt: r.created_at };
  }

  /** Creates the room unless it exists (a concurrent creator wins once); returns the stored room. */
  createRoom(id: string, editorKeyHash: string, reviewerKeyHash: string): RoomRecord {
    this.insertRoomStmt.run(id, editorKeyHash, reviewerKeyHash, new Date().toISOString());
    return this.room(id) as RoomRecord;
  }

  loadDocument(name: string): Uint8Array | null {
    const r = this.getDocStmt.get(name);
    return r ? new Uint8Array(r.data) : null;
  }

  storeDocument(name: string, state: Uint8Array): void {
    this.putDocStmt.run(name, Buffer.from(state), new Date().toISOString());
  }

  close(): void {
    this.db.close();
  }
}
