import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '@app/errors';
import { AlreadyAdoptedError } from './adoption.errors';
import { AdoptionEntity } from './adoption.entity';
import { Adoption, AdoptionsRepository } from './adoptions.repository';

@Injectable()
export class TypeOrmAdoptionsRepository extends AdoptionsRepository {
  constructor(@InjectRepository(AdoptionEntity) private readonly adoptions: Repository<AdoptionEntity>) {
    super();
  }

  async record(mysfitId: string, userId: string, alongside: () => Promise<void>): Promise<Adoption> {
    try {
      return await this.adoptions.manager.transaction(async (manager) => {
        // A concurrent insert of the same key waits here until the first transaction ends.
        await manager.insert(AdoptionEntity, { mysfitId, userId });
        await alongside();
        return manager.findOneByOrFail(AdoptionEntity, { mysfitId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyAdoptedError();
      throw error;
    }
  }

  findByUser(userId: string): Promise<Adoption[]> {
    return this.adoptions.find({ where: { userId }, order: { adoptedAt: 'DESC' } });
  }

  findByMysfit(mysfitId: string): Promise<Adoption | null> {
    return this.adoptions.findOneBy({ mysfitId });
  }
}
