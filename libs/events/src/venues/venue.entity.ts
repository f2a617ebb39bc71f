import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('venues')
@Check('venues_capacity_positive', '"capacity" > 0')
export class Venue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  /** Normalised: upper case with one space before the inward code, e.g. "B63 3AB". */
  @Column({ type: 'text' })
  postcode: string;

  @Column({ type: 'text' })
  area: string;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  accessFeatures: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
