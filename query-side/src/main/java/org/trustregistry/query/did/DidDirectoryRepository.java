package org.trustregistry.query.did;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DidDirectoryRepository extends JpaRepository<DidDirectoryView, String>,
        JpaSpecificationExecutor<DidDirectoryView> {
}
