package org.trustregistry.query.delegation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.trustregistry.query.common.Inserts;

interface IssuerDelegationRepository extends JpaRepository<IssuerDelegationView, UUID>, Inserts<IssuerDelegationView> {

    List<IssuerDelegationView> findByDelegatorIssuerIdOrderByCreatedAt(UUID delegatorIssuerId);

    List<IssuerDelegationView> findByDelegateIssuerIdOrderByCreatedAt(UUID delegateIssuerId);

    List<IssuerDelegationView> findByDelegateIssuerIdAndStatus(UUID delegateIssuerId, String status);
}
